# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="vi"
# # Newton và scikit-learn trên dữ liệu ung thư vú
#
# Notebook này đi cùng chương [Phương pháp Newton](../11-newton.md). Ta viết phương pháp
# Newton cho BCE trong mười dòng NumPy, so với `lossbook.newton` và với các bộ giải của
# scikit-learn trên dữ liệu Breast Cancer Wisconsin (569 khối u), rồi xem điều gì xảy ra khi
# dữ liệu tách được tuyến tính.
#
# Cần: `numpy`, `matplotlib`, `lossbook` và `scikit-learn`.

# %% [markdown] lang="en"
# # Newton and scikit-learn on the breast-cancer data
#
# This notebook goes with the chapter [Newton's method](../11-newton.md). We write Newton's
# method for the BCE in ten lines of NumPy, compare it with `lossbook.newton` and with
# scikit-learn's solvers on the Breast Cancer Wisconsin data (569 tumours), then see what
# happens when the data are linearly separable.
#
# Requires: `numpy`, `matplotlib`, `lossbook` and `scikit-learn`.

# %% lang="vi"
import warnings

import numpy as np
import matplotlib.pyplot as plt
import lossbook as lb
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

np.set_printoptions(precision=4, suppress=True)

bc = lb.datasets.breast_cancer()                  # y = 1: ác tính
X10 = bc.X[:, :10]                                # mười đặc trưng "mean ..." (giá trị trung bình)
X10 = (X10 - X10.mean(0)) / X10.std(0)            # chuẩn hoá

# %% lang="en"
import warnings

import numpy as np
import matplotlib.pyplot as plt
import lossbook as lb
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

np.set_printoptions(precision=4, suppress=True)

bc = lb.datasets.breast_cancer()                  # y = 1: malignant
X10 = bc.X[:, :10]                                # the ten "mean ..." features
X10 = (X10 - X10.mean(0)) / X10.std(0)            # standardised

# %% lang="vi"
print(X10.shape, "| ác tính:", int(bc.y.sum()), "| đặc trưng:", ", ".join(bc.feature_names[:10]))

# %% lang="en"
print(X10.shape, "| malignant:", int(bc.y.sum()), "| features:", ", ".join(bc.feature_names[:10]))

# %% [markdown] lang="vi"
# ## 1. Newton trong mười dòng
#
# Mỗi lần lặp: dự đoán, gradient $g = \frac1m X_b^\top(\hat y - y)$, Hessian
# $H = \frac1m X_b^\top \operatorname{diag}(\hat y(1 - \hat y)) X_b$, rồi giải $H d = -g$.
# Không tìm kiếm theo đường, không kiểm tra gì: đủ cho dữ liệu tốt như ở đây, nhưng xem mục 4.

# %% [markdown] lang="en"
# ## 1. Newton in ten lines
#
# Each iteration: predict, gradient $g = \frac1m X_b^\top(\hat y - y)$, Hessian
# $H = \frac1m X_b^\top \operatorname{diag}(\hat y(1 - \hat y)) X_b$, then solve $H d = -g$.
# No line search, no safeguards: enough for well-behaved data like these, but see section 4.

# %%
def newton_bce(X, y, iterations=10):
    Xb = np.column_stack([np.ones(len(X)), X])
    theta, losses = np.zeros(Xb.shape[1]), []
    for _ in range(iterations):
        z = Xb @ theta
        p = lb.sigmoid(z)
        losses.append(lb.bce_with_logits(y, z))
        g = Xb.T @ (p - y) / len(y)
        H = Xb.T @ (Xb * (p * (1 - p))[:, None]) / len(y)
        theta = theta - np.linalg.solve(H, g)
    return theta, np.array(losses)


theta_hand, losses_hand = newton_bce(X10, bc.y)
h = lb.newton(X10, bc.y)
same = np.allclose(theta_hand, h.final, atol=1e-8)

# %% lang="vi"
print("lossbook.newton: số lần lặp =", h.steps, "| hội tụ =", h.converged)
print("cùng nghiệm     :", same)
print("J* trung bình   :", round(float(h.loss[-1]), 6))

# %% lang="en"
print("lossbook.newton: iterations =", h.steps, "| converged =", h.converged)
print("same solution  :", same)
print("mean loss J*   :", round(float(h.loss[-1]), 6))

# %% [markdown] lang="vi"
# ## 2. Bảng hội tụ
#
# $J(\theta_k) - J^\star$ theo từng lần lặp của Newton (`lossbook`, bắt đầu từ
# $b = \operatorname{logit}(\bar y)$) và của gradient descent với $\eta = 1/L$. Ở những dòng
# cuối của Newton, số mũ gần như gấp đôi mỗi bước: hội tụ bậc hai.

# %% [markdown] lang="en"
# ## 2. Convergence table
#
# $J(\theta_k) - J^\star$ per iteration for Newton (`lossbook`, starting from
# $b = \operatorname{logit}(\bar y)$) and for gradient descent with $\eta = 1/L$. In Newton's
# last rows the exponent nearly doubles at every step: quadratic convergence.

# %% lang="vi"
best = h.loss[-1]
L = np.linalg.eigvalsh(lb.bce_hessian(X10, bc.y, np.zeros(11))).max()   # hằng số Lipschitz
gd = lb.full_batch_gd(X10, bc.y, np.zeros(11), lr=1 / L, steps=2000)

print(f"{'k':>5} {'Newton J - J*':>15} {'GD J - J*':>12}")
for k in list(range(h.steps + 1)) + [10, 100, 1000, 2000]:
    newton_gap = f"{max(h.loss[k] - best, 0):.1e}" if k <= h.steps else ""
    print(f"{k:>5} {newton_gap:>15} {gd.loss[k] - best:12.1e}")

# %% lang="en"
best = h.loss[-1]
L = np.linalg.eigvalsh(lb.bce_hessian(X10, bc.y, np.zeros(11))).max()   # Lipschitz constant
gd = lb.full_batch_gd(X10, bc.y, np.zeros(11), lr=1 / L, steps=2000)

print(f"{'k':>5} {'Newton J - J*':>15} {'GD J - J*':>12}")
for k in list(range(h.steps + 1)) + [10, 100, 1000, 2000]:
    newton_gap = f"{max(h.loss[k] - best, 0):.1e}" if k <= h.steps else ""
    print(f"{k:>5} {newton_gap:>15} {gd.loss[k] - best:12.1e}")

# %%
def plot_gaps(xlabel):
    fig, ax = plt.subplots(figsize=(7, 3.6), constrained_layout=True)
    ax.semilogy(np.maximum(h.loss - best, 1e-16), "o-", label="Newton (lossbook)")
    ax.semilogy(np.maximum(gd.loss - best, 1e-16), label="GD, η = 1/L")
    ax.set_xscale("symlog", linthresh=10)
    ax.set_xlabel(xlabel); ax.set_ylabel("$J - J^*$"); ax.legend()
    plt.show()


# %% lang="vi" alt_vi="J − J* theo số lần lặp trên thang log, dữ liệu ung thư vú với mười đặc trưng: Newton rơi tới sai số làm tròn sau chưa tới mười lần lặp; gradient descent với η = 1/L giảm rất chậm, sau 2000 lần lặp vẫn còn xa."
plot_gaps("lần lặp")

# %% lang="en" alt_en="J − J* against the iteration number on a log scale, breast-cancer data with ten features: Newton drops to rounding error within ten iterations; gradient descent with η = 1/L falls very slowly and is still far off after 2000 iterations."
plot_gaps("iteration")

# %% [markdown] lang="vi"
# ## 3. So với scikit-learn
#
# Cùng dữ liệu, **không điều chuẩn** (`C=np.inf`), với hai bộ giải của scikit-learn: `lbfgs`
# (tựa Newton, chỉ dùng gradient; mặc định) và `newton-cholesky` (Newton, như `lossbook`).
# Số lần lặp của scikit-learn là `n_iter_`.

# %% [markdown] lang="en"
# ## 3. Against scikit-learn
#
# The same data, **without regularisation** (`C=np.inf`), with two of scikit-learn's solvers:
# `lbfgs` (quasi-Newton, gradients only; the default) and `newton-cholesky` (Newton, like
# `lossbook`). scikit-learn's iteration count is `n_iter_`.

# %%
ours = lb.LogisticRegression(solver="newton").fit(X10, bc.y)
rows = [("lossbook newton", ours.n_iter_, ours.coef_, ours.intercept_)]
for solver in ("lbfgs", "newton-cholesky"):
    sk = SkLogisticRegression(C=np.inf, solver=solver, tol=1e-10, max_iter=10_000).fit(X10, bc.y)
    rows.append((f"sklearn {solver}", int(sk.n_iter_[0]), sk.coef_.ravel(), float(sk.intercept_[0])))


def mean_bce(coef, intercept):
    return lb.bce_with_logits(bc.y, X10 @ coef + intercept)




def solver_table(solver, iterations, mean, delta):
    print(f"{solver:<24} {iterations:>10} {mean:>14} {delta:>14}")
    for name, n_iter, coef, intercept in rows:
        print(f"{name:<24} {n_iter:>10} {mean_bce(coef, intercept):14.6f} {np.max(np.abs(coef - ours.coef_)):14.1e}")


# %% lang="vi"
solver_table("bộ giải", "số lần lặp", "BCE trung bình", "max |Δ hệ số|")

# %% lang="en"
solver_table("solver", "iterations", "mean BCE", "max |Δcoef|")

# %% [markdown] lang="vi"
# Ba bộ giải cho cùng một nghiệm (sai khác nằm trong tiêu chí dừng). Hai bộ giải Newton cần
# khoảng mười lần lặp; L-BFGS cần nhiều hơn hẳn, mỗi lần rẻ hơn.
#
# ## 4. Khi dữ liệu tách được
#
# Với **cả ba mươi** đặc trưng, hai lớp tách được tuyến tính: không có điểm cực tiểu.
# `lossbook.newton` phát hiện (mọi mẫu đã được phân loại đúng) và dừng với cảnh báo. Bảng
# dưới là các bước của nó trước khi dừng: $\lVert\theta\rVert$ tăng vọt, mất mát giảm về 0 và
# trị riêng nhỏ nhất của Hessian tiến về 0. Newton "trần" của mục 1, không có phép kiểm tra này,
# sẽ cứ thế chạy tiếp.

# %% [markdown] lang="en"
# The three solvers reach the same solution (differences within the stopping criteria). The
# two Newton solvers need about ten iterations; L-BFGS needs many more, each cheaper.
#
# ## 4. When the data are separable
#
# With **all thirty** features the two classes are linearly separable: there is no minimiser.
# `lossbook.newton` detects it (every sample is classified correctly) and stops with a
# warning. The table shows its iterates before it stops: $\lVert\theta\rVert$ shoots up, the
# loss falls towards 0 and the smallest eigenvalue of the Hessian goes to 0. The bare Newton
# of section 1, without that check, would just keep going.

# %%
X30 = (bc.X - bc.X.mean(0)) / bc.X.std(0)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    h30 = lb.newton(X30, bc.y)
warning = caught[0].category.__name__ if caught else None

Xb30 = np.column_stack([np.ones(len(X30)), X30])
smallest = []
for theta in h30.params:
    p = lb.sigmoid(Xb30 @ theta)
    H = Xb30.T @ (Xb30 * (p * (1 - p))[:, None]) / len(bc.y)
    smallest.append(np.linalg.eigvalsh(H).min())


def iterates_table(mean, eigenvalue):
    print(f"{'k':>3} {'||theta||':>10} {mean:>14} {eigenvalue:>28}")
    for k, theta in enumerate(h30.params):
        print(f"{k:>3} {np.linalg.norm(theta):10.1f} {h30.loss[k]:14.5f} {smallest[k]:28.2e}")


# %% lang="vi"
print("lossbook:", h30.steps, "lần lặp, tách được =", h30.separable, "| cảnh báo:", warning)
iterates_table("BCE trung bình", "trị riêng nhỏ nhất của H")

# %% lang="en"
print("lossbook:", h30.steps, "iterations, separable =", h30.separable, "| warning:", warning)
iterates_table("mean BCE", "smallest eigenvalue of H")

# %% [markdown] lang="vi"
# **Tự thử:** thêm điều chuẩn L2 vào `newton_bce` (gradient cộng $\mu w$, Hessian cộng
# $\mu I$ trừ ô bias) và chạy trên `X30` với $\mu = 10^{-2}$; so với
# `SkLogisticRegression(C=...)` sau khi đổi $\mu$ sang $C$ (scikit-learn cực tiểu hoá
# $C\sum_i L_i + \frac12\lVert w\rVert^2$, nên $C = 1/(\mu m)$).

# %% [markdown] lang="en"
# **Try it yourself:** add L2 regularisation to `newton_bce` (the gradient gains $\mu w$, the
# Hessian gains $\mu I$ except the bias entry) and run it on `X30` with $\mu = 10^{-2}$;
# compare with `SkLogisticRegression(C=...)` after converting $\mu$ to $C$ (scikit-learn
# minimises $C\sum_i L_i + \frac12\lVert w\rVert^2$, so $C = 1/(\mu m)$).
