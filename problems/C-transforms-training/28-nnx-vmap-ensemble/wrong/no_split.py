# pitfall: Forgetting split_rngs
def ensemble_predict(seed, x, n_members):
    n = int(n_members)
    d_in = x.shape[1]

    @nnx.vmap(in_axes=None, out_axes=0, axis_size=n)
    def create_ensemble(rngs):
        return nnx.Linear(d_in, 1, rngs=rngs)

    @nnx.vmap(in_axes=(0, None), out_axes=0)
    def forward(model, x):
        return model(x)

    ensemble = create_ensemble(nnx.Rngs(int(seed)))
    preds = forward(ensemble, x)
    return preds, preds.mean(axis=0), preds.std(axis=0)
