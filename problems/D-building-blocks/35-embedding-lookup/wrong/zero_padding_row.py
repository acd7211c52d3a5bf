# pitfall: Counting on a zero padding row
def embedding_lookup(seed, table, ids, pad_id):
    emb = table[ids]
    keep = (ids != int(pad_id))[..., None]
    count = jnp.maximum(jnp.sum(keep, axis=1), 1)
    return emb, jnp.sum(emb, axis=1) / count
