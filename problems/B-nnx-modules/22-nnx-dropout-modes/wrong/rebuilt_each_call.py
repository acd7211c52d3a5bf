# pitfall: Rebuilding the model for every call
class Block(nnx.Module):
    def __init__(self, w, rate, rngs):
        self.w = nnx.Param(w)
        self.drop = nnx.Dropout(rate, rngs=rngs)

    def __call__(self, x):
        return self.drop(x @ self.w[...])


def make_model(seed, w, rate):
    return Block(w, float(rate), nnx.Rngs(dropout=int(seed)))


def dropout_modes(seed, x, w, rate):
    y_train_1 = make_model(seed, w, rate)(x)
    y_train_2 = make_model(seed, w, rate)(x)
    model = make_model(seed, w, rate)
    model.eval()
    y_eval = model(x)
    return y_train_1, y_train_2, y_eval
