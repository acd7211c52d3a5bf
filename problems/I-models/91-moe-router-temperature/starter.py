class Router(nnx.Module):
    def __init__(self, dim, num_experts, anneal_steps, rngs):
        # proj (bias-free Linear), a temperature Variable starting at 5.0, a call counter
        pass

    def __call__(self, x):
        # top-2 gates at the current temperature, then anneal
        pass


def route_tokens(seed, x, num_experts, n_calls, anneal_steps):
    gates = jnp.zeros((x.shape[0], int(num_experts)))
    return gates, jnp.zeros(int(n_calls))
