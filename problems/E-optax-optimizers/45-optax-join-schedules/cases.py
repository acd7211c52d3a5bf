from jaxlings.cases import Case


def cases():
    return [
        Case("worked example", seed=0.0, peak=1.0, warmup=2.0, hold=3.0, decay_rate=0.5,
             decay_every=2.0, n_steps=10.0),
        Case("no hold", seed=0.0, peak=0.1, warmup=4.0, hold=0.0, decay_rate=0.9,
             decay_every=3.0, n_steps=12.0),
        Case("long hold, short warm-up", seed=0.0, peak=0.3, warmup=1.0, hold=6.0,
             decay_rate=0.7, decay_every=1.0, n_steps=12.0),
        Case("stops during the hold", seed=0.0, peak=2.0, warmup=3.0, hold=5.0,
             decay_rate=0.5, decay_every=2.0, n_steps=6.0),
        Case("slow decay, long run", seed=0.0, peak=0.01, warmup=5.0, hold=2.0,
             decay_rate=0.95, decay_every=4.0, n_steps=40.0, hidden=True),
        Case("no warm-up", seed=0.0, peak=0.5, warmup=0.0, hold=2.0, decay_rate=0.1,
             decay_every=3.0, n_steps=10.0, hidden=True),
    ]
