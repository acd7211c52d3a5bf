# pitfall: Collecting each layer's input
class Block(nnx.Module):
    def __init__(self, w, b):
        self.w = nnx.Param(w)
        self.b = nnx.Param(b)

    def __call__(self, h):
        return jnp.tanh(h @ self.w[...] + self.b[...])


def scan_layers(seed, ws, bs, x):
    stack = Block(ws, bs)

    @nnx.scan(in_axes=(nnx.Carry, 0), out_axes=(nnx.Carry, 0))
    def forward(h, block):
        return block(h), h

    return forward(x, stack)
