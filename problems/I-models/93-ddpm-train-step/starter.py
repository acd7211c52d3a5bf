class Denoiser(nnx.Module):
    def __init__(self, dim, rngs):
        self.l1 = nnx.Linear(dim + 1, 16, rngs=rngs)
        self.l2 = nnx.Linear(16, dim, rngs=rngs)

    def __call__(self, x_t, t_frac):
        h = jnp.concatenate([x_t, t_frac[:, None]], axis=-1)
        return self.l2(nnx.relu(self.l1(h)))


def q_sample(x0, t, noise, alphas_bar):
    # mix noise into x0 at level t (one level per example)
    return x0


def ema_update(ema, model, decay):
    # blend model's Params into ema's
    pass


def train_step(model, ema, optimizer, x0, t, noise, alphas_bar, decay):
    # compile with nnx.jit: noisy input, noise-prediction loss, update, then EMA
    return jnp.zeros(())


def ddpm_train(seed, x0, ts, noises, num_timesteps, decay):
    zeros = jnp.zeros_like(x0)
    return jnp.zeros(ts.shape[0]), zeros, zeros
