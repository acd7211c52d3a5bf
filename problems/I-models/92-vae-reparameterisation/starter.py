class VAE(nnx.Module):
    def __init__(self, d_in, d_latent, rngs):
        # enc: Linear d_in -> 2 * d_latent (mu, then logvar); dec: Linear d_latent -> d_in
        pass

    def __call__(self, x, eps):
        # return (reconstruction, z, kl per example)
        pass


def vae_step(seed, x, eps):
    b, d_in = x.shape
    d_latent = eps.shape[-1]
    return jnp.zeros_like(eps), jnp.zeros(b), jnp.zeros(()), jnp.zeros((d_in, 2 * d_latent))
