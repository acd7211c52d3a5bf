"""Running untrusted code: the worker process, the pool that owns workers, and compare."""
