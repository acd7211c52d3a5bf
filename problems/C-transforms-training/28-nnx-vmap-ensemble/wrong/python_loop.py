# pitfall: A Python list of members
def ensemble_predict(seed, x, n_members):
    rngs = nnx.Rngs(int(seed))
    members = [nnx.Linear(x.shape[1], 1, rngs=rngs) for _ in range(int(n_members))]
    preds = jnp.stack([m(x) for m in members])
    return preds, preds.mean(axis=0), preds.std(axis=0)
