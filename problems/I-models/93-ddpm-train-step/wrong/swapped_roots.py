# pitfall: Swapping the two square roots
class Denoiser(nnx.Module):
    def __init__(self, dim, rngs):
        self.l1 = nnx.Linear(dim + 1, 16, rngs=rngs)
        self.l2 = nnx.Linear(16, dim, rngs=rngs)

    def __call__(self, x_t, t_frac):
        h = jnp.concatenate([x_t, t_frac[:, None]], axis=-1)
        return self.l2(nnx.relu(self.l1(h)))


def q_sample(x0, t, noise, alphas_bar):
    ab = alphas_bar[t][:, None]
    return jnp.sqrt(1.0 - ab) * x0 + jnp.sqrt(ab) * noise


def ema_update(ema, model, decay):
    new = jax.tree.map(lambda e, p: decay * e + (1.0 - decay) * p,
                       nnx.state(ema, nnx.Param), nnx.state(model, nnx.Param))
    nnx.update(ema, new)


@nnx.jit
def train_step(model, ema, optimizer, x0, t, noise, alphas_bar, decay):
    x_t = q_sample(x0, t, noise, alphas_bar)
    t_frac = t / alphas_bar.shape[0]

    def loss_fn(model):
        return jnp.mean((model(x_t, t_frac) - noise) ** 2)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    ema_update(ema, model, decay)
    return loss


def ddpm_train(seed, x0, ts, noises, num_timesteps, decay):
    betas = jnp.linspace(1e-4, 0.02, int(num_timesteps))
    alphas_bar = jnp.cumprod(1.0 - betas)
    model = Denoiser(x0.shape[-1], rngs=nnx.Rngs(int(seed)))
    ema = nnx.clone(model)
    optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
    losses = [train_step(model, ema, optimizer, x0, t, noise, alphas_bar, float(decay))
              for t, noise in zip(ts, noises)]
    t0 = jnp.zeros(x0.shape[0])
    return jnp.stack(losses), model(x0, t0), ema(x0, t0)
