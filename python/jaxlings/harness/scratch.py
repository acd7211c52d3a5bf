"""A worker's private scratch dirs (/tmp, /dev/shm) emptied between jobs: by the worker itself,
and again by the pool from outside, through /proc/<pid>/root."""

from __future__ import annotations

import os


def empty_dir(top: str) -> bool:
    """Remove what jobs left under `top`, but not the read-only runtime bound inside it (a venv
    under /tmp): entries on another device than `top` are mounts, not files of the jobs.
    True when nothing of the jobs is left."""
    try:
        dev = os.lstat(top).st_dev
        entries = list(os.scandir(top))
    except OSError:
        return False
    clean = True
    for entry in entries:
        try:
            st = entry.stat(follow_symlinks=False)
            if st.st_dev != dev:
                continue
            if entry.is_dir(follow_symlinks=False):
                clean = empty_dir(entry.path) and clean
                os.rmdir(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            # a directory holding a mount point stays, empty of job files
            clean = clean and entry.is_dir(follow_symlinks=False)
    return clean


def empty_private_dirs(pid: int) -> bool:
    """Empty a jailed worker's /tmp and /dev/shm from outside, through /proc/<pid>/root (what the
    code did to its own view of them does not matter); True when nothing of the jobs is left."""
    root = f"/proc/{pid}/root"
    return all([empty_dir(f"{root}/tmp"), empty_dir(f"{root}/dev/shm")])
