# pitfall: Forgetting jit
def pool(x, window, mode):
    batch, length = x.shape
    groups = x.reshape(batch, length // window, window)
    if mode == "mean":
        return groups.mean(axis=-1)
    return groups.max(axis=-1)


def pool_features(seed, x, window, mode):
    return pool(x, int(window), mode)
