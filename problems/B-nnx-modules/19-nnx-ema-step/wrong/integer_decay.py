# pitfall: Turning decay into an integer
def ema_step(seed, params_arr, ema_arr, decay):
    decay = int(decay)
    return decay * ema_arr + (1 - decay) * params_arr
