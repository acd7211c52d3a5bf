# pitfall: PyTorch's momentum
def batchnorm_stats(seed, batches, x_eval):
    bn = nnx.BatchNorm(batches.shape[-1], momentum=0.1, rngs=nnx.Rngs(int(seed)))
    half = batches.shape[0] // 2

    for batch in batches[:half]:       # training mode: normalise with batch stats, update running stats
        bn(batch)
    bn.eval()                          # evaluation mode: use the running stats, update nothing
    y_mid = bn(x_eval)

    bn.train()                         # back to training
    for batch in batches[half:]:
        bn(batch)
    bn.eval()
    y_end = bn(x_eval)

    return bn.mean[...], bn.var[...], y_mid, y_end
