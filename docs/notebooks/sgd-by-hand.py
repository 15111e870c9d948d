# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="vi"
# # SGD tính tay: từ một bước đến dạng vector hoá
#
# Notebook này đi cùng chương [SGD từng bước và vector hoá](../10-sgd-vectorized.md). Ta làm
# lại hai bước SGD của slide chỉ bằng NumPy, so với `lossbook`, rồi chạy nhiều epoch, và
# cuối cùng đo xem vòng lặp Python chậm hơn phép nhân ma trận bao nhiêu lần **trên chính máy
# đang chạy notebook**.

# %% [markdown] lang="en"
# # SGD by hand: from one step to the vectorised form
#
# This notebook goes with the chapter [SGD step by step, vectorised](../10-sgd-vectorized.md).
# We redo the slides' two SGD steps with plain NumPy, compare them with `lossbook`, run many
# epochs, and finally measure how much slower a Python loop is than a matrix product **on the
# machine running the notebook**.

# %%
import time

import numpy as np
import matplotlib.pyplot as plt
import lossbook as lb

np.set_printoptions(precision=4, suppress=True)

# %% [markdown] lang="vi"
# ## 1. Một bước, năm việc
#
# Mẫu $x = 1.4$, $y = 0$; tham số $w = -0.1$, $b = 0.1$; tốc độ học $\eta = 0.01$.

# %% [markdown] lang="en"
# ## 1. One step, five things
#
# The sample $x = 1.4$, $y = 0$; parameters $w = -0.1$, $b = 0.1$; learning rate $\eta = 0.01$.

# %% lang="vi"
x, y = 1.4, 0.0                                   # 1. chọn một mẫu
w, b, eta = -0.1, 0.1, 0.01

z = w * x + b                                     # 2. dự đoán
y_hat = 1 / (1 + np.exp(-z))
loss = -y * np.log(y_hat) - (1 - y) * np.log(1 - y_hat)   # 3. mất mát
dL_dw, dL_db = x * (y_hat - y), (y_hat - y)       # 4. đạo hàm
w_new, b_new = w - eta * dL_dw, b - eta * dL_db   # 5. cập nhật

step = lb.sgd_step([x], y, [b, w], lr=eta)
agrees = np.allclose(step.theta_new, [b_new, w_new])

# %% lang="en"
x, y = 1.4, 0.0                                   # 1. pick a sample
w, b, eta = -0.1, 0.1, 0.01

z = w * x + b                                     # 2. predict
y_hat = 1 / (1 + np.exp(-z))
loss = -y * np.log(y_hat) - (1 - y) * np.log(1 - y_hat)   # 3. loss
dL_dw, dL_db = x * (y_hat - y), (y_hat - y)       # 4. derivatives
w_new, b_new = w - eta * dL_dw, b - eta * dL_db   # 5. update

step = lb.sgd_step([x], y, [b, w], lr=eta)
agrees = np.allclose(step.theta_new, [b_new, w_new])

# %% lang="vi"
print(f"z = {z:.4f}, y_hat = {y_hat:.4f}, L = {loss:.4f}")
print(f"L'_b = {dL_db:.4f}, L'_w = {dL_dw:.4f}")
print(f"b = {b_new:.4f}, w = {w_new:.4f}   (w = {w_new:.6f} trước khi làm tròn)")
print("lossbook cho cùng kết quả:", agrees)

# %% lang="en"
print(f"z = {z:.4f}, y_hat = {y_hat:.4f}, L = {loss:.4f}")
print(f"L'_b = {dL_db:.4f}, L'_w = {dL_dw:.4f}")
print(f"b = {b_new:.4f}, w = {w_new:.4f}   (w = {w_new:.6f} before rounding)")
print("lossbook agrees:", agrees)

# %% [markdown] lang="vi"
# Slide in $w = -0.1068$: đó là số bị **cắt cụt**, còn làm tròn đến 4 chữ số thì được số in ở
# trên. Giờ đến bước hai đặc trưng, $x = (1.4, 0.2)$, $b = 0.1$, $w = (0.5, -0.1)$. Chú ý dấu
# của thay đổi ở $w_2$: slide viết $w_2 = -0.1 + \eta\,L'_{w_2}$, sai dấu.

# %% [markdown] lang="en"
# The slides print $w = -0.1068$: that number is **truncated**; rounded to 4 digits it is the
# value printed above. Now the two-feature step, $x = (1.4, 0.2)$, $b = 0.1$, $w = (0.5, -0.1)$.
# Watch the sign of the change in $w_2$: the slides write $w_2 = -0.1 + \eta\,L'_{w_2}$, the
# wrong sign.

# %% lang="vi"
x2 = np.array([1.0, 1.4, 0.2])                    # (1 cho bias, x1, x2)
theta = np.array([0.1, 0.5, -0.1])                # (b, w1, w2)

y_hat = 1 / (1 + np.exp(-(x2 @ theta)))
grad = x2 * (y_hat - 0.0)
theta_new = theta - 0.01 * grad
y_hat_after = 1 / (1 + np.exp(-(x2 @ theta_new)))
loss_before, loss_after = -np.log(1 - y_hat), -np.log(1 - y_hat_after)

# %% lang="en"
x2 = np.array([1.0, 1.4, 0.2])                    # (1 for the bias, x1, x2)
theta = np.array([0.1, 0.5, -0.1])                # (b, w1, w2)

y_hat = 1 / (1 + np.exp(-(x2 @ theta)))
grad = x2 * (y_hat - 0.0)
theta_new = theta - 0.01 * grad
y_hat_after = 1 / (1 + np.exp(-(x2 @ theta_new)))
loss_before, loss_after = -np.log(1 - y_hat), -np.log(1 - y_hat_after)

# %% lang="vi"
print("y_hat trước :", round(float(y_hat), 4), "  mất mát trước:", round(float(loss_before), 4))
print("gradient    :", grad)
print("theta sau   :", theta_new, "  thay đổi:", theta_new - theta)
print("y_hat sau   :", round(float(y_hat_after), 4), "  mất mát sau  :", round(float(loss_after), 4))

# %% lang="en"
print("y_hat before :", round(float(y_hat), 4), "  loss before:", round(float(loss_before), 4))
print("gradient     :", grad)
print("theta after  :", theta_new, "  change:", theta_new - theta)
print("y_hat after  :", round(float(y_hat_after), 4), "  loss after :", round(float(loss_after), 4))

# %% [markdown] lang="vi"
# ## 2. Nhiều epoch trên bốn bông hoa
#
# `lb.sgd_logistic` lặp năm việc trên từng mẫu, mỗi epoch một vòng, và ghi lại mọi bước. Ta
# vẽ mất mát **trung bình** $J$ trên bốn mẫu sau từng bước, với hai tốc độ học.

# %% [markdown] lang="en"
# ## 2. Many epochs on the four flowers
#
# `lb.sgd_logistic` repeats the five things on each sample, one pass per epoch, and records
# every step. We plot the **mean** loss $J$ over the four samples after each step, for two
# learning rates.

# %%
flowers = lb.datasets.petal_sgd()
runs = {eta: lb.sgd_logistic(flowers.X, flowers.y, [0.1, -0.1], lr=eta, epochs=200) for eta in (0.01, 0.5)}


def plot_runs(xlabel, ylabel):
    fig, ax = plt.subplots(figsize=(7, 3.6), constrained_layout=True)
    for (eta, h), style in zip(runs.items(), ("--", "-")):
        ax.plot(h.loss, style, label=f"η = {eta}")
    ax.set_xlabel(xlabel); ax.set_ylabel(ylabel); ax.legend()
    plt.show()


# %% lang="vi" alt_vi="Mất mát trung bình J theo số bước SGD trên bốn bông hoa, 200 epoch: với η = 0.01 đường giảm chậm; với η = 0.5 đường vọt lên ở vài bước đầu rồi giảm nhanh hơn nhiều, có răng cưa theo từng mẫu."
for eta, h in runs.items():
    print(f"η = {eta}: J từ {h.loss[0]:.4f} xuống {h.loss[-1]:.4f} sau {h.steps} bước; θ = {h.final}")
plot_runs("bước SGD", "mất mát trung bình $J$")

# %% lang="en" alt_en="Mean loss J against the number of SGD steps on the four flowers, 200 epochs: with η = 0.01 the curve falls slowly; with η = 0.5 it jumps up in the first few steps, then falls much faster, with a saw-tooth from sample to sample."
for eta, h in runs.items():
    print(f"η = {eta}: J from {h.loss[0]:.4f} to {h.loss[-1]:.4f} after {h.steps} steps; θ = {h.final}")
plot_runs("SGD step", "mean loss $J$")

# %% [markdown] lang="vi"
# Bốn bông hoa **tách được** (ngưỡng ở giữa 1.5 và 3.0), nên $J$ giảm mãi về 0 và $\theta$
# lớn dần không dừng: không có điểm cực tiểu (xem chương [Phương pháp Newton](../11-newton.md)).
#
# ## 3. Vòng lặp hay vector hoá
#
# Gradient của mất mát trung bình trên $m$ mẫu, tính hai cách: một vòng lặp Python qua từng
# mẫu, và một phép nhân ma trận $\frac1m X_b^\top(\hat y - y)$. Hai kết quả phải bằng nhau;
# thời gian thì không.

# %% [markdown] lang="en"
# The four flowers are **separable** (the threshold lies between 1.5 and 3.0), so $J$ keeps
# falling towards 0 and $\theta$ keeps growing: there is no minimiser (see the chapter
# [Newton's method](../11-newton.md)).
#
# ## 3. Loop or vectorised
#
# The gradient of the mean loss over $m$ samples, computed two ways: a Python loop over the
# samples, and one matrix product $\frac1m X_b^\top(\hat y - y)$. The two results must agree;
# their running times do not.

# %%
def loop_gradient(X, y, theta):
    grad = np.zeros(X.shape[1] + 1)
    for x_i, y_i in zip(X, y):
        x_b = np.concatenate([[1.0], x_i])
        y_hat = 1 / (1 + np.exp(-(x_b @ theta)))
        grad += x_b * (y_hat - y_i)
    return grad / len(y)


def vectorised_gradient(X, y, theta):
    Xb = np.column_stack([np.ones(len(X)), X])
    return Xb.T @ (lb.sigmoid(Xb @ theta) - y) / len(y)


def best_time(f, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


rng = np.random.default_rng(0)
m = 10_000
X = rng.standard_normal((m, 2))
y = (rng.random(m) < 0.5).astype(float)
theta = np.array([0.1, 0.5, -0.3])

same = np.allclose(loop_gradient(X, y, theta), vectorised_gradient(X, y, theta))
t_loop = best_time(lambda: loop_gradient(X, y, theta), repeats=3)
t_vec = best_time(lambda: vectorised_gradient(X, y, theta), repeats=30)

# %% lang="vi"
print("cùng một gradient:", same)
print(f"m = {format(m, ',').replace(',', ' ')} mẫu, 2 đặc trưng (lần chạy nhanh nhất trong vài lần, trên máy này)")
print(f"  vòng lặp Python : {t_loop * 1e3:8.2f} ms")
print(f"  vector hoá      : {t_vec * 1e3:8.3f} ms")
print(f"  tăng tốc        : {t_loop / t_vec:8.0f} lần")

# %% lang="en"
print("same gradient:", same)
print(f"m = {m:,} samples, 2 features (best of several runs, on this machine)")
print(f"  Python loop : {t_loop * 1e3:8.2f} ms")
print(f"  vectorised  : {t_vec * 1e3:8.3f} ms")
print(f"  speed-up    : {t_loop / t_vec:8.0f} x")

# %% [markdown] lang="vi"
# Con số tăng tốc ở trên được đo khi notebook chạy (lúc dựng trang, hay trên máy của bạn), nên
# mỗi máy cho một con số khác. Đo kỹ hơn: `.venv/bin/python benchmarks/bench_vectorised.py`.
#
# ## 4. Gradient descent trên toàn bộ dữ liệu
#
# Với gradient vector hoá, mỗi bước dùng **cả** bảng dữ liệu. So với SGD trên cùng số lần
# duyệt dữ liệu (mỗi epoch SGD làm $m$ bước nhỏ; mỗi bước GD là một lần duyệt):

# %% [markdown] lang="en"
# The speed-up above is measured when the notebook runs (at build time, or on your machine),
# so every machine gives its own number. For a careful measurement:
# `.venv/bin/python benchmarks/bench_vectorised.py`.
#
# ## 4. Full-batch gradient descent
#
# With the vectorised gradient each step uses the **whole** data table. Compared with SGD for
# the same number of passes over the data (one SGD epoch takes $m$ small steps; one GD step is
# one pass):

# %%
epochs = 200
sgd = lb.sgd_logistic(flowers.X, flowers.y, [0.1, -0.1], lr=0.5, epochs=epochs)
gd = lb.full_batch_gd(flowers.X, flowers.y, [0.1, -0.1], lr=0.5, steps=epochs)


def plot_passes(sgd_label, gd_label, xlabel, ylabel):
    fig, ax = plt.subplots(figsize=(7, 3.6), constrained_layout=True)
    ax.semilogy(sgd.loss[::flowers.m], "--", label=sgd_label)
    ax.semilogy(gd.loss, label=gd_label)
    ax.set_xlabel(xlabel); ax.set_ylabel(ylabel); ax.legend()
    plt.show()


# %% lang="vi" alt_vi="Mất mát trung bình theo số lần duyệt dữ liệu trên bốn bông hoa, η = 0.5: đường SGD (lấy mẫu cuối mỗi epoch) và đường GD trên toàn bộ dữ liệu cùng giảm, SGD nhanh hơn ở đây vì mỗi epoch nó cập nhật bốn lần."
plot_passes("SGD (mỗi epoch)", "GD trên toàn bộ dữ liệu", "số lần duyệt dữ liệu", "mất mát trung bình $J$ (log)")
print("sau", epochs, "lần duyệt: SGD J =", round(float(sgd.loss[-1]), 4), "| GD J =", round(float(gd.loss[-1]), 4))

# %% lang="en" alt_en="Mean loss against passes over the data on the four flowers, η = 0.5: the SGD curve (sampled at the end of each epoch) and the full-batch GD curve both fall, SGD faster here because it updates four times per epoch."
plot_passes("SGD (per epoch)", "full-batch GD", "passes over the data", "mean loss $J$ (log)")
print("after", epochs, "passes: SGD J =", round(float(sgd.loss[-1]), 4), "| GD J =", round(float(gd.loss[-1]), 4))
