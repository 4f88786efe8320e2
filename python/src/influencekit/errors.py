"""The exceptions influencekit raises in place of the C interface's status codes.

Every exception carries what the library knew: ``parameter`` (the keyword argument at fault, in
this package's spelling), ``file`` and ``line`` (for data read from a file), and ``status`` (the C
status code). ``str(exception)`` is the one-line message, ``FILE:LINE: what is wrong (what was
expected)``, with the parameter in front when there is one.
"""

__all__ = [
    "InfluenceKitError",
    "ArgumentError",
    "ParseError",
    "FileError",
    "ResourceError",
    "HandleError",
    "InternalError",
]


class InfluenceKitError(Exception):
    """Base class of every influencekit error."""

    def __init__(self, message, *, parameter=None, file=None, line=None, status=None):
        super().__init__(message)
        self.message = message
        self.parameter = parameter
        self.file = file
        self.line = line
        self.status = status

    def __str__(self):
        return self.message


class ArgumentError(InfluenceKitError, ValueError):
    """A bad argument: a value out of range, an unknown option or model, an unknown seed label."""


class ParseError(InfluenceKitError, ValueError):
    """Input data that does not parse or violates a model constraint; ``file`` and ``line`` say
    where (``line`` is None when the problem is not on one line)."""


class FileError(InfluenceKitError, OSError):
    """The file system refused: a missing file, a directory, no permission."""


class ResourceError(InfluenceKitError, RuntimeError):
    """The run would exceed a limit (``max_memory``, a Monte Carlo time budget)."""


class HandleError(InfluenceKitError, ValueError):
    """A graph that was closed, or an object that is not a live graph or result."""


class InternalError(InfluenceKitError, RuntimeError):
    """A failure of the library itself (please report it)."""
