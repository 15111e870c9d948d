# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="vi"
# # Sigmoid và hai hàm mất mát
#
# Notebook này đi cùng các chương về sigmoid, MSE và entropy chéo nhị phân (BCE). Ta sẽ:
#
# 1. viết sigmoid theo cách **ổn định số học** và xem cách viết trực tiếp (naive) hỏng ở đâu;
# 2. so MSE và BCE trên **từng mẫu**: giá trị và gradient theo $z$;
# 3. vẽ **bề mặt mất mát** của cả hai trên sáu bông hoa của slide.
#
# Mọi ô mã đều chạy được trên máy của bạn chỉ với `numpy`, `matplotlib` và `lossbook`.

# %% [markdown] lang="en"
# # The sigmoid and two losses
#
# This notebook goes with the chapters on the sigmoid, the MSE and binary cross-entropy
# (BCE). We will:
#
# 1. write the sigmoid in a **numerically stable** way and see where the naive version breaks;
# 2. compare the MSE and the BCE **sample by sample**: value and gradient with respect to $z$;
# 3. draw the **loss surfaces** of both on the slides' six flowers.
#
# Every code cell runs on your machine with only `numpy`, `matplotlib` and `lossbook`.

# %%
import numpy as np
import matplotlib.pyplot as plt
import lossbook as lb

np.set_printoptions(precision=4, suppress=True)

# %% [markdown] lang="vi"
# ## 1. Sigmoid ổn định số học
#
# Công thức $\sigma(z) = 1/(1 + e^{-z})$ đúng về toán, nhưng với $z$ âm lớn, $e^{-z}$ vượt
# quá giới hạn của số thực dấu phẩy động (khoảng $1.8 \times 10^{308}$) và NumPy báo tràn số.
# Cách ổn định chỉ tính $e^{-|z|} \in (0, 1]$: với $z \geq 0$ dùng $1/(1 + e^{-z})$, với
# $z < 0$ dùng $e^{z}/(1 + e^{z})$. `lb.sigmoid` làm như vậy.

# %% [markdown] lang="en"
# ## 1. A numerically stable sigmoid
#
# The formula $\sigma(z) = 1/(1 + e^{-z})$ is right mathematically, but for large negative
# $z$, $e^{-z}$ exceeds the largest floating-point number (about $1.8 \times 10^{308}$) and
# NumPy reports an overflow. The stable way only ever computes $e^{-|z|} \in (0, 1]$: for
# $z \geq 0$ use $1/(1 + e^{-z})$, for $z < 0$ use $e^{z}/(1 + e^{z})$. `lb.sigmoid` does that.

# %% lang="vi"
z = np.array([-1000.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0])

with np.errstate(over="ignore"):          # cách tính trực tiếp bị tràn số: ta muốn xem kết quả
    naive = 1.0 / (1.0 + np.exp(-z))


def stable_sigmoid(z):
    e = np.exp(-np.abs(z))                # trong (0, 1]: không bao giờ tràn số
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


same = np.allclose(stable_sigmoid(z), lb.sigmoid(z), rtol=0, atol=0)

# %% lang="en"
z = np.array([-1000.0, -40.0, -1.0, 0.0, 1.0, 40.0, 1000.0])

with np.errstate(over="ignore"):          # the naive form overflows: we want to see the result
    naive = 1.0 / (1.0 + np.exp(-z))


def stable_sigmoid(z):
    e = np.exp(-np.abs(z))                # in (0, 1]: never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


same = np.allclose(stable_sigmoid(z), lb.sigmoid(z), rtol=0, atol=0)

# %% lang="vi"
print("z                  :", z)
print("trực tiếp          :", naive)
print("ổn định            :", stable_sigmoid(z))
print("lossbook           :", lb.sigmoid(z))
print("giống hệt lossbook :", same)

# %% lang="en"
print("z              :", z)
print("naive          :", naive)
print("stable         :", stable_sigmoid(z))
print("lossbook       :", lb.sigmoid(z))
print("same as lossbook:", same)

# %% [markdown] lang="vi"
# Ở đây sigmoid tính trực tiếp vẫn cho 0 tại $z = -1000$ (NumPy báo tràn số; ta đã tắt cảnh
# báo). Chỗ hỏng thật nằm ở
# **hàm mất mát**: với $z = 40$ và nhãn $y = 0$, $1 - \sigma(40)$ làm tròn thành đúng 0 và
# $-\ln 0 = \infty$. Viết BCE theo logit, $\max(z, 0) - yz + \ln(1 + e^{-|z|})$, thì không
# bao giờ phải lấy log của 0.

# %% [markdown] lang="en"
# Here the naive sigmoid still gives 0 at $z = -1000$ (NumPy reports an overflow, which we
# silenced). The real damage
# is in the **loss**: for $z = 40$ and the label $y = 0$, $1 - \sigma(40)$ rounds to exactly 0
# and $-\ln 0 = \infty$. Writing the BCE in terms of the logit,
# $\max(z, 0) - yz + \ln(1 + e^{-|z|})$, never takes the log of 0.

# %%
z_big = np.array([10.0, 20.0, 40.0])
y0 = np.zeros_like(z_big)

with np.errstate(divide="ignore"):
    naive_bce = -np.log(1.0 - 1.0 / (1.0 + np.exp(-z_big)))     # -ln(1 - sigma(z)), y = 0

from_logits = lb.bce_with_logits_per_sample(y0, z_big)

# %% lang="vi"
print("z                   :", z_big)
print("trực tiếp -ln(1-σ)  :", naive_bce)
print("từ logit            :", from_logits)

# %% lang="en"
print("z                 :", z_big)
print("naive -ln(1 - σ)  :", naive_bce)
print("from logits       :", from_logits)

# %% [markdown] lang="vi"
# ## 2. MSE và BCE trên từng mẫu
#
# Với một mẫu nhãn $y = 1$, ta đổi $\hat y = \sigma(z)$ và so hai hàm mất mát cùng gradient
# của chúng theo logit $z$:
#
# - MSE: $L = (\hat y - y)^2$, $\frac{dL}{dz} = 2(\hat y - y)\,\hat y(1 - \hat y)$;
# - BCE: $L = -\ln\hat y$, $\frac{dL}{dz} = \hat y - y$.
#
# Khi mô hình sai một cách tự tin ($\hat y$ gần 0 dù $y = 1$), gradient của MSE **gần 0**:
# mô hình gần như không học. Gradient của BCE gần $-1$: mô hình được đẩy mạnh nhất đúng lúc nó
# sai nhất.

# %% [markdown] lang="en"
# ## 2. MSE and BCE, sample by sample
#
# For one sample labelled $y = 1$, vary $\hat y = \sigma(z)$ and compare the two losses and
# their gradients with respect to the logit $z$:
#
# - MSE: $L = (\hat y - y)^2$, $\frac{dL}{dz} = 2(\hat y - y)\,\hat y(1 - \hat y)$;
# - BCE: $L = -\ln\hat y$, $\frac{dL}{dz} = \hat y - y$.
#
# When the model is confidently wrong ($\hat y$ near 0 although $y = 1$), the MSE gradient is
# **nearly 0**: the model hardly learns. The BCE gradient is near $-1$: the model is pushed
# hardest exactly when it is most wrong.

# %%
y_hat = np.array([0.001, 0.01, 0.1, 0.5, 0.9, 0.99])
y = np.ones_like(y_hat)

mse = lb.squared_error(y, y_hat)
bce = lb.bce_per_sample(y, y_hat)
mse_dz = 2 * (y_hat - y) * y_hat * (1 - y_hat)
bce_dz = y_hat - y

print(f"{'y_hat':>7} {'MSE':>8} {'BCE':>8} {'dMSE/dz':>9} {'dBCE/dz':>9}")
for row in zip(y_hat, mse, bce, mse_dz, bce_dz):
    print(f"{row[0]:7.3f} {row[1]:8.4f} {row[2]:8.4f} {row[3]:9.4f} {row[4]:9.4f}")

# %%
zs = np.linspace(-8, 8, 401)
p = lb.sigmoid(zs)
ones = np.ones_like(zs)


def plot_losses(loss_label):
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.6), constrained_layout=True)
    ax1.plot(zs, lb.squared_error(ones, p), "--", label="MSE $(\\hat y - 1)^2$")
    ax1.plot(zs, lb.bce_with_logits_per_sample(ones, zs), label="BCE $-\\ln \\hat y$")
    ax1.set_xlabel("$z$"); ax1.set_ylabel(loss_label); ax1.legend()
    ax2.plot(zs, 2 * (p - 1) * p * (1 - p), "--", label="MSE")
    ax2.plot(zs, p - 1, label="BCE")
    ax2.axhline(0, color="grey", linewidth=0.8)
    ax2.set_xlabel("$z$"); ax2.set_ylabel("$dL/dz$ (y = 1)"); ax2.legend()
    plt.show()


# %% lang="vi" alt_vi="Hai hình cạnh nhau cho một mẫu nhãn 1, theo logit z từ −8 đến 8. Bên trái: giá trị mất mát, MSE bị chặn bởi 1 còn BCE tăng tuyến tính khi z âm. Bên phải: gradient theo z, của MSE về 0 khi z rất âm còn của BCE tiến về −1."
plot_losses("mất mát (y = 1)")

# %% lang="en" alt_en="Two panels for one sample labelled 1, against the logit z from −8 to 8. Left: the loss, the MSE is bounded by 1 while the BCE grows linearly for negative z. Right: the gradient with respect to z, the MSE's vanishes for very negative z while the BCE's tends to −1."
plot_losses("loss (y = 1)")

# %% [markdown] lang="vi"
# ## 3. Bề mặt mất mát trên sáu bông hoa
#
# Sáu bông hoa của slide (chiều dài cánh 1.4, 1.0, 1.5 có nhãn 0; 3.0, 3.8, 4.1 có nhãn 1),
# mô hình $\hat y = \sigma(wx + b)$. `lb.loss_landscape` tính mất mát trung bình tại mọi điểm
# của một lưới $(w, b)$ bằng một phép tính vector hoá. Bề mặt MSE có những **cao nguyên**
# phẳng (gradient gần 0, gradient descent mắc kẹt); bề mặt BCE là một thung lũng lồi.

# %% [markdown] lang="en"
# ## 3. Loss surfaces on six flowers
#
# The slides' six flowers (petal lengths 1.4, 1.0, 1.5 labelled 0; 3.0, 3.8, 4.1 labelled 1),
# the model $\hat y = \sigma(wx + b)$. `lb.loss_landscape` computes the mean loss at every
# point of a $(w, b)$ grid in one vectorised computation. The MSE surface has flat
# **plateaus** (gradient near 0: gradient descent gets stuck); the BCE surface is a convex
# valley.

# %% alt_vi="Hai bản đồ đường đồng mức của mất mát trung bình theo w (trục ngang, −4 đến 8) và b (trục dọc, −24 đến 12) trên sáu bông hoa. Bên trái, MSE trên sigmoid: những vùng rộng gần như phẳng. Bên phải, BCE: các đường đồng mức lồng nhau quanh một thung lũng dài." alt_en="Two contour maps of the mean loss against w (horizontal, −4 to 8) and b (vertical, −24 to 12) on the six flowers. Left, MSE on a sigmoid: wide, nearly flat regions. Right, BCE: nested contours around one long valley."
petals = lb.datasets.petal_lengths()
w_grid = np.linspace(-4, 8, 121)
b_grid = np.linspace(-24, 12, 121)

fig, axes = plt.subplots(1, 2, figsize=(9, 3.8), sharey=True, constrained_layout=True)
for ax, loss in zip(axes, ("mse", "bce")):
    L = lb.loss_landscape(petals.x, petals.y, w_grid, b_grid, loss=loss)
    cs = ax.contourf(w_grid, b_grid, L, levels=20, cmap="cividis")
    fig.colorbar(cs, ax=ax)
    ax.set_title(loss.upper())
    ax.set_xlabel("$w$")
axes[0].set_ylabel("$b$")
plt.show()

# %% [markdown] lang="vi"
# **Tự thử:** đổi nhãn của một bông hoa sao cho không ngưỡng nào tách được hai lớp, chẳng hạn
# hoa có chiều dài 1.0 thành nhãn 1 (hoa 1.5 thì không được: các lớp {1.0, 1.4} và
# {1.5, 3, 3.8, 4.1} vẫn tách được tại x = 1.45), rồi vẽ lại. Bề mặt BCE vẫn lồi; thung lũng
# của nó giờ có đáy hữu hạn vì dữ liệu không còn tách được. Ô dưới kiểm tra điều đó: Newton
# hội tụ (`True`) và không báo dữ liệu tách được (`False`).

# %% [markdown] lang="en"
# **Try it yourself:** flip one flower's label so that no threshold separates the classes, say
# the flower of length 1.0 to label 1 (not the 1.5 one: the classes {1.0, 1.4} and
# {1.5, 3, 3.8, 4.1} are still separated at x = 1.45), and redraw. The BCE surface stays
# convex; its valley now has a finite bottom, because the data are no longer separable. The
# cell below checks it: Newton converges (`True`) and does not report separable data (`False`).

# %% lang="vi"
relabelled = petals.y.copy()
relabelled[petals.x == 1.0] = 1.0       # bông hoa có cánh dài 1.0 giờ mang nhãn 1
h = lb.newton(petals.X, relabelled)
print(h.converged, h.separable, h.final)

# %% lang="en"
relabelled = petals.y.copy()
relabelled[petals.x == 1.0] = 1.0       # the flower of length 1.0 now has label 1
h = lb.newton(petals.X, relabelled)
print(h.converged, h.separable, h.final)
