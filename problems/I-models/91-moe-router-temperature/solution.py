class Router(nnx.Module):
    def __init__(self, dim, num_experts, anneal_steps, rngs):
        self.proj = nnx.Linear(dim, num_experts, use_bias=False, rngs=rngs)
        self.temperature = nnx.Variable(jnp.array(5.0, dtype=jnp.float32))  # annealed, not trained
        self.calls = nnx.Variable(jnp.array(0.0, dtype=jnp.float32))
        self.anneal_steps = anneal_steps                  # a constant: fine as Python

    def __call__(self, x):
        probs = jax.nn.softmax(self.proj(x) / self.temperature[...], axis=-1)
        top, idx = jax.lax.top_k(probs, 2)
        top = top / top.sum(axis=-1, keepdims=True)
        gates = jnp.zeros_like(probs).at[jnp.arange(x.shape[0])[:, None], idx].set(top)
        # anneal after this call: 5.0 -> 1.0 linearly over anneal_steps calls
        self.calls[...] += 1.0
        frac = jnp.minimum(self.calls[...] / self.anneal_steps, 1.0)
        self.temperature[...] = 5.0 - 4.0 * frac
        return gates


def route_tokens(seed, x, num_experts, n_calls, anneal_steps):
    router = Router(x.shape[-1], int(num_experts), float(anneal_steps),
                    rngs=nnx.Rngs(int(seed)))
    temps = []
    for _ in range(int(n_calls)):
        temps.append(router.temperature[...])
        gates = router(x)
    return gates, jnp.stack(temps)
