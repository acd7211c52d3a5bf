# pitfall: Replacing the Param with the array
def embedding_lookup(seed, table, ids, pad_id):
    vocab, features = table.shape
    embed = nnx.Embed(num_embeddings=vocab, features=features, rngs=nnx.Rngs(int(seed)))
    embed.embedding = table  # the Param is gone: a plain array, invisible to nnx.Param filters
    emb = embed(ids)

    keep = (ids != int(pad_id))[..., None]
    total = jnp.sum(jnp.where(keep, emb, 0.0), axis=1)
    count = jnp.maximum(jnp.sum(keep, axis=1), 1)
    return emb, total / count
