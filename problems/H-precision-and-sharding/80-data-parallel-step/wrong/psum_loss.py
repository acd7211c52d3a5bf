# pitfall: Summing the loss instead of averaging it
def need_devices(n):
    """Stop with a sentence when JAX sees fewer than n devices."""
    if jax.device_count() < n:
        raise RuntimeError(
            f"This problem lays arrays out over {n} devices, but JAX sees {jax.device_count()}. "
            "Set XLA_FLAGS=--xla_force_host_platform_device_count=8 before JAX starts "
            "(the jaxlings checkers do), then restart the kernel."
        )

def loss_fn(params, x, y):
    return jnp.mean((x @ params["w"] + params["b"] - y) ** 2)


def dp_train(seed, w, b, x, y, lr, n_steps):
    need_devices(8)
    mesh = jax.make_mesh((8,), ("data",))
    params = jax.device_put({"w": w, "b": b}, jax.NamedSharding(mesh, jax.P()))
    xs = jax.device_put(x, jax.NamedSharding(mesh, jax.P("data")))
    ys = jax.device_put(y, jax.NamedSharding(mesh, jax.P("data")))
    lr = float(lr)

    def local_step(params, xb, yb):
        def global_loss(params):
            return jax.lax.psum(loss_fn(params, xb, yb), "data")

        loss, grads = jax.value_and_grad(global_loss)(params)
        loss = loss / jax.lax.psum(1, "data")
        new = jax.tree.map(lambda p, g: p - lr * g, params, grads)
        return new, loss

    step = jax.jit(
        jax.shard_map(
            local_step,
            mesh=mesh,
            in_specs=(jax.P(), jax.P("data"), jax.P("data")),
            out_specs=(jax.P(), jax.P()),
        )
    )
    losses = []
    for _ in range(int(n_steps)):
        params, loss = step(params, xs, ys)
        losses.append(loss)
    return params["w"], params["b"], jnp.stack(losses)
