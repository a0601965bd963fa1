"""A disk cache for what is slow to build from the data files (the gazetteer and its matcher).

Loading ~1,300 persons from YAML and building the Aho-Corasick automaton takes about 0.4 s; a
pickle of the result loads in 0.04 s, which is most of a cold `ghatna extract`. The cache key
is a fingerprint of ghatna's version and of the name, size and modification time of every data
file and of the modules whose objects are pickled, so an edited dictionary is never served stale.
Set GHATNA_CACHE_DIR to move the cache and GHATNA_NO_CACHE=1 to disable it; an unwritable cache
directory only means no cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    env = os.environ.get("GHATNA_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ghatna"


def _fingerprint(seed: str, root: Path, files: Iterable[Path], length: int) -> str:
    """A hash of the seed and of the files' names (below root), sizes and modification times."""
    h = hashlib.sha256(seed.encode())
    for p in sorted(files):
        if p.is_file():
            st = p.stat()
            h.update(f"{p.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:length]


def data_fingerprint() -> str:
    from ghatna import __version__

    pkg = Path(str(resources.files("ghatna")))
    # the data, and the code whose objects are pickled (a changed class must not meet an old pickle)
    files = [*pkg.joinpath("data").rglob("*"), *pkg.joinpath("gazetteer").glob("*.py"),
             *pkg.joinpath("text").glob("*.py"), pkg / "resources.py", pkg / "model.py",
             pkg / "lang" / "inflect.py", pkg / "lang" / "grammar.py", pkg / "events" / "lexicon.py",
             pkg / "actors" / "variants.py"]
    return _fingerprint(__version__, pkg, files, 24)


def files_fingerprint(folder: Any) -> str:
    """A short fingerprint of the names, sizes and modification times of a folder's files."""
    root = Path(str(folder))
    return _fingerprint(str(folder), root, root.rglob("*") if root.is_dir() else [], 12)


def load_or_build(name: str, build: Callable[[], T]) -> T:
    """The cached value for ``name`` under the current data fingerprint, built and stored when
    missing or unreadable."""
    if os.environ.get("GHATNA_NO_CACHE"):
        return build()
    path = cache_dir() / f"{name}-{data_fingerprint()}.pickle"
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(f.name, path)  # atomic: a reader never sees half a file
        for old in path.parent.glob(f"{name}-*.pickle"):
            if old != path:  # the same thing built from older data: never read again
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return value
