# pitfall: Forgetting to load the table
def embedding_lookup(seed, table, ids, pad_id):
    vocab, features = table.shape
    embed = nnx.Embed(num_embeddings=vocab, features=features, rngs=nnx.Rngs(int(seed)))
    emb = embed(ids)
    keep = (ids != int(pad_id))[..., None]
    total = jnp.sum(jnp.where(keep, emb, 0.0), axis=1)
    count = jnp.maximum(jnp.sum(keep, axis=1), 1)
    return emb, total / count
