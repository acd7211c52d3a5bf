from jaxlings.cases import Case


def cases():
    return [
        Case("worked example", seed=0.0, dim=4.0, n_steps=3.0, keep_prob=0.5),
        Case("a single step", seed=1.0, dim=6.0, n_steps=1.0, keep_prob=0.8),
        Case("keep_prob 1.0 keeps every weight", seed=2.0, dim=5.0, n_steps=3.0, keep_prob=1.0),
        Case("another seed", seed=7.0, dim=8.0, n_steps=4.0, keep_prob=0.5),
        Case("low keep probability", seed=3.0, dim=10.0, n_steps=5.0, keep_prob=0.2),
        Case("seed 42, 6 steps", probes="another seed and more steps", seed=42.0, dim=16.0, n_steps=6.0, keep_prob=0.9, hidden=True),
        Case("seed 123, 8 steps", probes="another seed and more steps", seed=123.0, dim=3.0, n_steps=8.0, keep_prob=0.6, hidden=True),
    ]
