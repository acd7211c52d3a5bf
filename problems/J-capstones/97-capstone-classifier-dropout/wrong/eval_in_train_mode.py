# pitfall: Evaluating in training mode
class Classifier(nnx.Module):
    def __init__(self, d_in, num_classes, rngs):
        self.l1 = nnx.Linear(d_in, 32, rngs=rngs)
        self.drop = nnx.Dropout(0.2, rngs=rngs)
        self.l2 = nnx.Linear(32, num_classes, rngs=rngs)

    def __call__(self, x):
        return self.l2(self.drop(nnx.relu(self.l1(x))))


def _loss(logits, y):
    return optax.softmax_cross_entropy_with_integer_labels(logits, y).mean()


@nnx.jit
def train_step(model, optimizer, x, y):
    def loss_fn(model):
        return _loss(model(x), y)

    loss, grads = nnx.value_and_grad(loss_fn)(model)
    optimizer.update(model, grads)
    return loss


@nnx.jit
def eval_step(model, x, y):
    logits = model(x)
    return _loss(logits, y), jnp.mean(jnp.argmax(logits, axis=-1) == y)


def fit_classifier(seed, x_train, y_train, x_test, y_test, epochs, batch_size):
    s = int(seed)
    model = Classifier(x_train.shape[1], 3, rngs=nnx.Rngs(params=s, dropout=s + 1))
    optimizer = nnx.Optimizer(model, optax.adam(1e-2), wrt=nnx.Param)
    order_rng = np.random.default_rng(s)
    n, bs = x_train.shape[0], int(batch_size)
    train_loss, test_loss, test_acc = [], [], []
    for _ in range(int(epochs)):
        model.train()
        perm = order_rng.permutation(n)
        losses = [train_step(model, optimizer, x_train[perm[i:i + bs]], y_train[perm[i:i + bs]])
                  for i in range(0, n, bs)]
        train_loss.append(jnp.mean(jnp.stack(losses)))
        loss, acc = eval_step(model, x_test, y_test)
        test_loss.append(loss)
        test_acc.append(acc)
    return {"train_loss": jnp.stack(train_loss), "test_loss": jnp.stack(test_loss),
            "test_acc": jnp.stack(test_acc)}
