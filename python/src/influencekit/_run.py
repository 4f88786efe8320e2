"""Requests: keywords in, the library's request JSON out, and the docstrings that list every
keyword of a use case with its default and meaning (from the library's own field documentation,
``_requests.FIELDS``). No value is checked here: the library validates every request, once."""

from __future__ import annotations

import inspect
import json
import math
import numbers
import os
from typing import Any, Callable, Dict, Mapping, Optional, TypeVar

from ._requests import FIELDS
from .errors import ArgumentError

# A keyword whose library default is not null, but which can be null: how to ask for null.
NULL_SPELLING: Dict[str, str] = {"precision": "precision=0 asks for the paper's stopping rule (null)"}

F = TypeVar("F", bound=Callable[..., Any])


def _jsonable(keyword: str, value: Any) -> Any:
    """`value` as JSON data: numpy scalars and arrays, tuples and path-likes converted."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        if not math.isfinite(float(value)):
            raise ArgumentError(f"{keyword}: got {value!r} (expected a finite number: JSON has no NaN or infinity)",
                                parameter=keyword)
        return float(value)
    if hasattr(value, "tolist") and not isinstance(value, Mapping):
        return _jsonable(keyword, value.tolist())
    if isinstance(value, Mapping):
        return {str(k): _jsonable(keyword, v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)) or hasattr(value, "__iter__"):
        return [_jsonable(keyword, v) for v in value]
    raise ArgumentError(f"{keyword}: got {value!r} (expected JSON data: a number, string, list or dict)",
                        parameter=keyword)


def request(use_case: str, given: Mapping[str, Any]) -> Dict[str, Any]:
    """The request object of `use_case` from keyword values: a keyword left at None is left out
    (the library's default applies)."""
    out: Dict[str, Any] = {}
    for field, keyword, _type, _nullable, _required, _doc in FIELDS[use_case]:
        if keyword not in given:
            continue
        value = given[keyword]
        if value is None:
            continue
        out[field] = _jsonable(keyword, value)
    return out


def document(use_case: str, given: Mapping[str, Any]) -> bytes:
    """`{"useCase": ..., "request": {...}}` as ik_run reads it (UTF-8 JSON)."""
    return json.dumps({"useCase": use_case, "request": request(use_case, given)}, allow_nan=False).encode()


def keywords_doc(use_case: str, skip: tuple = ()) -> str:
    """The keyword section of a use case's docstring: every field, its type, default, meaning."""
    lines = ["Keywords (the library's request fields; a keyword left at None takes the library's",
             "default, stated with each):", ""]
    for field, keyword, kind, nullable, required, doc in FIELDS[use_case]:
        if keyword in skip:
            continue
        text = doc.replace("`", "")
        if required:
            default = "required"
        else:
            default = "default None: the library's default"
        if keyword in NULL_SPELLING:
            text += " " + NULL_SPELLING[keyword] + "."
        shown = f"Optional[{kind}]" if nullable else kind
        lines.append(f"    {keyword} ({shown}; {default}; request field {field}): {text}")
    return "\n".join(lines)


def documented(use_case: str, skip: tuple = ()) -> Callable[[F], F]:
    """Appends the keyword list of `use_case` to the function's docstring."""

    def decorate(function: F) -> F:
        summary = inspect.cleandoc(function.__doc__ or "")
        function.__doc__ = summary + "\n\n" + keywords_doc(use_case, skip) + "\n"
        return function

    return decorate
