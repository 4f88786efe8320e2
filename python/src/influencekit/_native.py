"""The ctypes layer: loads libinfluencekit.so, declares the C interface of influencekit.h, and
turns status codes into exceptions. Nothing here is public; ``Graph`` is the interface.

ctypes releases the GIL for the duration of every call into the library, so long runs let other
Python threads work, and several threads may call at once. ``run_cancellable`` runs a use case on a
helper thread while the calling (main) thread waits in short slices, so that Python's SIGINT
handler fires: a KeyboardInterrupt then sets the run's cancellation flag (``ik_cancel``), waits for
the engine to stop (within about a second) and is raised again.
"""

import ctypes
import os
import re
import threading

from . import errors

# Interface version 3 added ik_report_html, cancellation (ik_cancel, ik_run_cancellable),
# ik_result_matrix, ik_graph_from_edge_columns and ik_graph_save; version 2 ik_run and the
# invitation graphs.
API_VERSION = 3

OK = 0
ERROR_ARGUMENT = 1
ERROR_DATA = 2
ERROR_IO = 3
ERROR_RESOURCE = 4
ERROR_HANDLE = 5
ERROR_INTERNAL = 6

_EXCEPTIONS = {
    ERROR_ARGUMENT: errors.ArgumentError,
    ERROR_DATA: errors.ParseError,
    ERROR_IO: errors.FileError,
    ERROR_RESOURCE: errors.ResourceError,
    ERROR_HANDLE: errors.HandleError,
    ERROR_INTERNAL: errors.InternalError,
}

# The library's parameter names (its Swift spelling) in this package's keyword spelling.
_PARAMETER_NAMES = {
    "memoryLimit": "memory_limit_bytes",
    "monteCarloBudget": "monte_carlo_budget_seconds",
    "nodeCount": "nodes",
    "values": "p",
    "weights": "w",
    "sources": "src",
    "targets": "dst",
    "label_offsets": "labels",
}


class Error(ctypes.Structure):
    """ik_error of influencekit.h."""

    _fields_ = [
        ("status", ctypes.c_int32),
        ("truncated", ctypes.c_int32),
        ("line", ctypes.c_int64),
        ("parameter", ctypes.c_char * 64),
        ("file", ctypes.c_char * 4096),
        ("message", ctypes.c_char * 4096),
    ]


def library_path():
    """The shared object: $INFLUENCEKIT_LIBRARY, or the one installed beside this file."""
    override = os.environ.get("INFLUENCEKIT_LIBRARY")
    if override:
        return override
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "libinfluencekit.so")


def _load():
    path = library_path()
    if not os.path.isfile(path):
        raise ImportError(
            f"influencekit: {path} is missing (expected the shared object the wheel installs; "
            "reinstall the wheel, or build it with `make python`)"
        )
    library = ctypes.CDLL(path)
    handle = ctypes.c_void_p
    handle_out = ctypes.POINTER(ctypes.c_void_p)
    error = ctypes.POINTER(Error)
    text = ctypes.c_char_p
    size = ctypes.c_size_t
    i64p = ctypes.POINTER(ctypes.c_int64)
    f64p = ctypes.POINTER(ctypes.c_double)
    status = ctypes.c_int32
    signatures = {
        "ik_api_version": ([], ctypes.c_int32),
        "ik_library_version": ([ctypes.c_char_p, size, error], status),
        "ik_graph_load": ([text, text, handle_out, error], status),
        "ik_graph_from_edges": ([i64p, i64p, size, f64p, ctypes.c_void_p, size, i64p, size, text, handle_out, error], status),
        "ik_graph_free": ([handle, error], status),
        "ik_graph_counts": ([handle, i64p, i64p, error], status),
        "ik_graph_copy_arcs": ([handle, i64p, i64p, size, error], status),
        "ik_graph_copy_labels": ([handle, ctypes.c_void_p, size, i64p, size, ctypes.POINTER(size), error], status),
        "ik_graph_summary": ([handle, handle_out, error], status),
        "ik_seeds": ([handle, text, handle_out, error], status),
        "ik_simulate": ([handle, ctypes.c_void_p, size, i64p, size, text, handle_out, error], status),
        "ik_cim": ([handle, ctypes.c_void_p, size, i64p, size, text, handle_out, error], status),
        "ik_report_html": ([text, handle_out, error], status),
        "ik_result_json": ([handle, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(size), error], status),
        "ik_result_free": ([handle, error], status),
        "ik_result_matrix": ([handle, ctypes.POINTER(ctypes.c_void_p), i64p, i64p, error], status),
        "ik_run_cancellable": ([handle, text, handle, handle_out, error], status),
        "ik_invite_run_cancellable": ([handle, text, handle, handle_out, error], status),
        "ik_run_document": ([text, handle_out, error], status),
        "ik_invite_graph_load": ([text, text, text, handle_out, error], status),
        "ik_invite_graph_counts": ([handle, i64p, i64p, i64p, error], status),
        "ik_invite_graph_free": ([handle, error], status),
        "ik_cancellation_new": ([handle_out, error], status),
        "ik_cancel": ([handle, error], status),
        "ik_cancellation_free": ([handle, error], status),
        "ik_graph_from_edge_columns": ([i64p, i64p, size, f64p, f64p, ctypes.c_void_p, size, i64p, size, text, handle_out,
                                        error], status),
        "ik_graph_save": ([handle, text, error], status),
    }
    for name, (arguments, result) in signatures.items():
        function = getattr(library, name)
        function.argtypes = arguments
        function.restype = result
    found = library.ik_api_version()
    if found != API_VERSION:
        raise ImportError(f"influencekit: {path} has interface version {found} (expected {API_VERSION}; reinstall the wheel)")
    return library


lib = _load()


def _decode(raw):
    return raw.decode("utf-8", errors="replace")


def keyword(parameter):
    """This package's spelling of a library parameter: its table, else snake_case of the field."""
    if parameter in _PARAMETER_NAMES:
        return _PARAMETER_NAMES[parameter]
    return re.sub(r"(?<!^)(?=[A-Z])", "_", parameter.replace("LT", "Lt")).lower()


def exception_from(error):
    """The exception for a filled ik_error."""
    parameter = _decode(error.parameter) or None
    if parameter is not None:
        parameter = keyword(parameter)
    message = _decode(error.message)
    if parameter and not message.startswith(parameter + ":") and not message.startswith(_decode(error.parameter) + ":"):
        message = f"{parameter}: {message}"
    kind = _EXCEPTIONS.get(error.status, errors.InternalError)
    return kind(
        message,
        parameter=parameter,
        file=_decode(error.file) or None,
        line=error.line or None,
        status=error.status,
    )


def call(function, *arguments):
    """Calls `function(*arguments, &error)`; raises the matching exception on failure."""
    error = Error()
    status = function(*arguments, ctypes.byref(error))
    if status != OK:
        raise exception_from(error)


def take_result(pointer):
    """The JSON text of a result handle, which is freed."""
    text = ctypes.c_void_p()
    length = ctypes.c_size_t()
    try:
        call(lib.ik_result_json, pointer, ctypes.byref(text), ctypes.byref(length))
        return ctypes.string_at(text.value, length.value).decode("utf-8")
    finally:
        call(lib.ik_result_free, pointer)


def run_cancellable(function, handle, request):
    """``function(handle, request, cancellation, &result, &error)`` (ik_run_cancellable or
    ik_invite_run_cancellable): the result handle. From the main thread the call runs on a helper
    thread so that Ctrl-C reaches Python; KeyboardInterrupt cancels the run, waits for the engine
    to return (it stops within about a second) and is raised again, the graph still usable."""
    flag = ctypes.c_void_p()
    call(lib.ik_cancellation_new, ctypes.byref(flag))
    outcome = {}

    def target():
        error = Error()
        result = ctypes.c_void_p()
        status = function(handle, request, flag, ctypes.byref(result), ctypes.byref(error))
        outcome["status"], outcome["error"], outcome["result"] = status, error, result.value

    try:
        if threading.current_thread() is not threading.main_thread():
            target()  # only the main thread receives KeyboardInterrupt
        else:
            worker = threading.Thread(target=target, name="influencekit-run", daemon=True)
            worker.start()
            try:
                while worker.is_alive():
                    worker.join(0.05)
            except KeyboardInterrupt:
                call(lib.ik_cancel, flag)
                while worker.is_alive():
                    try:
                        worker.join(0.05)
                    except KeyboardInterrupt:
                        pass
                result = outcome.get("result")
                if result:
                    call(lib.ik_result_free, result)
                raise
    finally:
        call(lib.ik_cancellation_free, flag)
    if outcome["status"] != OK:
        raise exception_from(outcome["error"])
    return outcome["result"]


def result_text(pointer):
    """The JSON text of a result handle (the handle stays live)."""
    text = ctypes.c_void_p()
    length = ctypes.c_size_t()
    call(lib.ik_result_json, pointer, ctypes.byref(text), ctypes.byref(length))
    return ctypes.string_at(text.value, length.value).decode("utf-8")


def library_version():
    buffer = ctypes.create_string_buffer(64)
    call(lib.ik_library_version, buffer, len(buffer))
    return buffer.value.decode()
