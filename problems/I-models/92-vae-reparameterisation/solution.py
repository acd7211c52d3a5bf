class VAE(nnx.Module):
    def __init__(self, d_in, d_latent, rngs):
        self.enc = nnx.Linear(d_in, 2 * d_latent, rngs=rngs)
        self.dec = nnx.Linear(d_latent, d_in, rngs=rngs)

    def __call__(self, x, eps):
        mu, logvar = jnp.split(self.enc(x), 2, axis=-1)
        z = mu + jnp.exp(0.5 * logvar) * eps                               # reparameterised
        kl = -0.5 * jnp.sum(1.0 + logvar - mu**2 - jnp.exp(logvar), axis=-1)  # (B,)
        return self.dec(z), z, kl


def vae_step(seed, x, eps):
    model = VAE(x.shape[-1], eps.shape[-1], rngs=nnx.Rngs(int(seed)))

    def loss_fn(model):
        recon, z, kl = model(x, eps)
        loss = jnp.mean(jnp.sum((recon - x) ** 2, axis=-1) + kl)
        return loss, (z, kl)

    (loss, (z, kl)), grads = nnx.value_and_grad(loss_fn, has_aux=True)(model)
    return z, kl, loss, grads.enc.kernel[...]
