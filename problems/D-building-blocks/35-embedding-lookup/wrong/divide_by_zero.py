# pitfall: Dividing by zero on an all-padding row
def embedding_lookup(seed, table, ids, pad_id):
    emb = table[ids]
    keep = (ids != int(pad_id))[..., None]
    return emb, jnp.sum(jnp.where(keep, emb, 0.0), axis=1) / jnp.sum(keep, axis=1)
