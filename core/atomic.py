"""Writes a file all at once or not at all: a temporary file beside it, flushed to disk, then renamed over it."""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Iterator

from core import messages
from core.messages import UserFacingError

TEMP_PREFIX = ".standpoint-tmp-"
# Read once: the new file gets the permissions any new file of the user's would (mkstemp makes it 0600).
_UMASK = os.umask(0o022)
os.umask(_UMASK)


@contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write `path` through: on success it replaces `path` in one rename, on any error
    (or a full disk) it is removed and `path` is left as it was; errors become `UserFacingError`."""
    path = Path(path)
    check_writable(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=str(path.parent))
    except OSError as exc:
        raise UserFacingError(os_error_message(exc, path)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, os.stat(path).st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserFacingError(os_error_message(exc, path)) from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def check_writable(path: Path) -> None:
    """Raise unless `path` is missing or an ordinary file the user may write (a device is never replaced)."""
    import stat

    try:
        info = os.stat(path)
    except FileNotFoundError:
        if not Path(path).parent.is_dir():
            raise UserFacingError(messages.EXPORT_FAILED.format(path=path, reason="its folder does not exist")) from None
        return
    except OSError as exc:
        raise UserFacingError(os_error_message(exc, path)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise UserFacingError(messages.EXPORT_FAILED.format(path=path.name, reason="it is a folder"))
    if not stat.S_ISREG(info.st_mode):
        raise UserFacingError(messages.EXPORT_FAILED.format(path=path.name, reason="it is not an ordinary file"))
    if not os.access(path, os.W_OK) or not (info.st_mode & 0o222):
        raise UserFacingError(messages.EXPORT_FAILED.format(path=path.name, reason="it is read-only"))


def os_error_message(exc: OSError, path: Path) -> str:
    """One clear message for a file that could not be written (a full disk, no permission, a bad name)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return messages.DISK_FULL.format(path=path.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return messages.EXPORT_FAILED.format(path=path.name, reason="permission denied")
    if exc.errno == errno.ENOENT:
        return messages.EXPORT_FAILED.format(path=path.name, reason="its folder does not exist")
    return messages.EXPORT_FAILED.format(path=path.name, reason=(exc.strerror or type(exc).__name__).lower())
