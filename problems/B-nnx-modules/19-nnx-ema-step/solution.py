def ema_step(seed, params_arr, ema_arr, decay):
    decay = float(decay)
    return decay * ema_arr + (1.0 - decay) * params_arr
