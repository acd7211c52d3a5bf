def embedding_lookup(seed, table, ids, pad_id):
    vocab, features = table.shape
    embed = nnx.Embed(num_embeddings=vocab, features=features, rngs=nnx.Rngs(int(seed)))
    embed.embedding[...] = table                      # use the given weights
    emb = embed(ids)                                  # (B, T, D)

    keep = (ids != int(pad_id))[..., None]            # (B, T, 1)
    total = jnp.sum(jnp.where(keep, emb, 0.0), axis=1)
    count = jnp.maximum(jnp.sum(keep, axis=1), 1)     # an all-padding row divides by 1
    return emb, total / count
