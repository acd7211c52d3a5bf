# pitfall: Swapped blend
def ema_step(seed, params_arr, ema_arr, decay):
    decay = float(decay)
    return (1.0 - decay) * ema_arr + decay * params_arr
