def param_and_seen_leaves(ns):
    """Tracked(3, rngs) has exactly one nnx.Param leaf (w); the nnx.Param filter does not pick up seen."""
    for name in ("Tracked", "Seen"):
        if name not in ns:
            raise NameError(f"{name} is not defined in your cell")
    model = ns["Tracked"](3, nnx.Rngs(0))
    return len(jax.tree.leaves(nnx.state(model, nnx.Param)))


def seen_is_not_a_param(ns):
    """Seen subclasses nnx.Variable but not nnx.Param."""
    if "Seen" not in ns:
        raise NameError("Seen is not defined in your cell")
    seen = ns["Seen"]
    return issubclass(seen, nnx.Variable) and not issubclass(seen, nnx.Param)


def student_owns_its_weight(ns):
    """copy_params copies the teacher's weight values into the student's own Param: afterwards the two models hold equal values in two distinct Variables (not one Variable shared by both)."""
    fn, cls = ns.get("copy_params"), ns.get("Tracked")
    if fn is None or cls is None:
        raise NameError("copy_params and Tracked must both be defined in your cell")
    built = []

    class Probe(cls):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            built.append(self)

    g = fn.__globals__
    g["Tracked"] = Probe
    try:
        fn(0.0, jnp.ones((2, 3)))
    finally:
        g["Tracked"] = cls
    if len(built) != 2:
        return f"{len(built)} Tracked models built"
    student, teacher = built
    same_values = bool(np.array_equal(np.asarray(student.w[...]), np.asarray(teacher.w[...])))
    return {"equal values": same_values, "one shared Variable": student.w is teacher.w}
