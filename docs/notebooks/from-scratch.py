# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown] lang="vi"
# # Hồi quy logistic từ đầu trên dữ liệu khối u
#
# Notebook tổng kết này đi cùng chương [Dùng mô hình](../12-using-the-model.md) và gom lại cả
# sách. Ta tự viết bằng NumPy mọi thứ: hàm sigmoid, BCE, gradient của nó, gradient descent và
# phương pháp Newton; huấn luyện trên tập huấn luyện của dữ liệu Breast Cancer Wisconsin; so với
# `lossbook` và scikit-learn; rồi đánh giá trên tập kiểm tra: ma trận nhầm lẫn, đường cong ROC và
# AUC, hiệu chuẩn.
#
# Cần: `numpy`, `matplotlib`, `lossbook` và `scikit-learn`.

# %% [markdown] lang="en"
# # Logistic regression from scratch on the tumour data
#
# This capstone notebook goes with the chapter [Using the model](../12-using-the-model.md) and
# gathers the whole book. We write everything in NumPy ourselves: the sigmoid, the BCE, its
# gradient, gradient descent and Newton's method; train on the training set of the Breast Cancer
# Wisconsin data; compare with `lossbook` and scikit-learn; then evaluate on the test set: the
# confusion matrix, the ROC curve and AUC, calibration.
#
# Requires: `numpy`, `matplotlib`, `lossbook` and `scikit-learn`.

# %%
import numpy as np
import matplotlib.pyplot as plt
import lossbook as lb
from lossbook import metrics
from lossbook.regularised import fit_l2, sklearn_c
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.metrics import roc_auc_score

np.set_printoptions(precision=4, suppress=True)

# %% [markdown] lang="vi"
# ## 1. Dữ liệu và phép chia huấn luyện/kiểm tra
#
# 569 khối u, 30 đặc trưng, nhãn 1 là ác tính. Phép chia **phân tầng**: trong mỗi lớp, xáo trộn
# (hạt giống 0) rồi đưa một phần tư vào tập kiểm tra. Ta viết nó và kiểm tra rằng nó trùng với
# `lossbook.metrics.stratified_split`. Các đặc trưng được chuẩn hoá bằng trung bình và độ lệch
# chuẩn của **tập huấn luyện** (tập kiểm tra không được góp gì vào phép khớp).

# %% [markdown] lang="en"
# ## 1. The data and the train/test split
#
# 569 tumours, 30 features, label 1 for malignant. The split is **stratified**: within each
# class, shuffle (seed 0) and send a quarter to the test set. We write it and check that it
# matches `lossbook.metrics.stratified_split`. The features are standardised with the **training
# set's** mean and standard deviation (the test set contributes nothing to the fit).

# %%
bc = lb.datasets.breast_cancer()
X, y = bc.X, bc.y


def split(y, test_fraction=0.25, seed=0):
    rng = np.random.default_rng(seed)
    is_test = np.zeros(len(y), dtype=bool)
    for label in (0.0, 1.0):
        idx = rng.permutation(np.flatnonzero(y == label))
        is_test[idx[: int(round(test_fraction * len(idx)))]] = True
    return np.flatnonzero(~is_test), np.flatnonzero(is_test)


train, test = split(y)
same_split = all(np.array_equal(a, b) for a, b in zip((train, test), metrics.stratified_split(y, 0.25, 0)))
mean, std = X[train].mean(axis=0), X[train].std(axis=0)
Z = (X - mean) / std
Z_train, y_train, Z_test, y_test = Z[train], y[train], Z[test], y[test]

# %% lang="vi"
print("huấn luyện:", len(train), "khối u, tỉ lệ ác tính", round(y_train.mean(), 4))
print("kiểm tra:  ", len(test), "khối u, tỉ lệ ác tính", round(y_test.mean(), 4))
print("trùng với lossbook:", same_split)

# %% lang="en"
print("training:", len(train), "tumours, share malignant", round(y_train.mean(), 4))
print("test:    ", len(test), "tumours, share malignant", round(y_test.mean(), 4))
print("same as lossbook:", same_split)

# %% [markdown] lang="vi"
# ## 2. Sigmoid, BCE và gradient
#
# Với $X_b = [\mathbf 1 \mid X]$, $\theta = (b, w)$ và $\hat y = \sigma(X_b\theta)$:
#
# $$J_\mu(\theta) = -\frac1m\sum_i\big[y_i\ln\hat y_i + (1 - y_i)\ln(1 - \hat y_i)\big] + \frac{\mu}{2}\lVert w\rVert^2,
# \qquad \nabla J_\mu = \frac1m X_b^\top(\hat y - y) + \mu\,(0, w)$$
#
# Trên tập huấn luyện, 30 đặc trưng **tách được tuyến tính** khối u lành và ác: không có phạt thì
# BCE không có cực tiểu và các trọng số tăng mãi không dừng. Nên ta thêm phạt L2 với $\mu = 0.01$, mức tốt nhất
# của chương (không phạt bias). Sigmoid được tính ổn định: $e^{-|z|}$ không bao giờ tràn số, và BCE
# được tính từ $z$ bằng $\ln(1 + e^{z}) - yz$.

# %% [markdown] lang="en"
# ## 2. The sigmoid, the BCE and the gradient
#
# With $X_b = [\mathbf 1 \mid X]$, $\theta = (b, w)$ and $\hat y = \sigma(X_b\theta)$:
#
# $$J_\mu(\theta) = -\frac1m\sum_i\big[y_i\ln\hat y_i + (1 - y_i)\ln(1 - \hat y_i)\big] + \frac{\mu}{2}\lVert w\rVert^2,
# \qquad \nabla J_\mu = \frac1m X_b^\top(\hat y - y) + \mu\,(0, w)$$
#
# On the training set the 30 features **linearly separate** benign from malignant tumours: without
# a penalty the BCE has no minimiser and the weights grow forever. So we add an L2 penalty with
# $\mu = 0.01$, the chapter's best (the bias not penalised). The sigmoid is computed stably:
# $e^{-|z|}$ never overflows, and the BCE is computed from $z$ as $\ln(1 + e^{z}) - yz$.

# %%
MU = 0.01


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def with_bias(X):
    return np.column_stack([np.ones(len(X)), X])


def cost(theta, Xb, y, mu=MU):
    z = Xb @ theta
    bce = np.mean(np.logaddexp(0, z) - y * z)
    return bce + mu / 2 * theta[1:] @ theta[1:]


def gradient(theta, Xb, y, mu=MU):
    penalty = mu * np.r_[0.0, theta[1:]]
    return Xb.T @ (sigmoid(Xb @ theta) - y) / len(y) + penalty


def hessian(theta, Xb, y, mu=MU):
    p = sigmoid(Xb @ theta)
    H = (Xb * (p * (1 - p))[:, None]).T @ Xb / len(y)
    return H + mu * np.diag(np.r_[0.0, np.ones(len(theta) - 1)])


Xb_train, Xb_test = with_bias(Z_train), with_bias(Z_test)
theta0 = np.zeros(Xb_train.shape[1])
numerical = lb.numerical_gradient(lambda t: cost(t, Xb_train, y_train), theta0 + 0.1)
gradient_error = np.abs(numerical - gradient(theta0 + 0.1, Xb_train, y_train)).max()

# %% lang="vi"
print("J(0) =", round(cost(theta0, Xb_train, y_train), 4), "(bằng ln 2)")
print("gradient so với sai phân hữu hạn: sai khác lớn nhất", f"{gradient_error:.1e}")

# %% lang="en"
print("J(0) =", round(cost(theta0, Xb_train, y_train), 4), "(that is ln 2)")
print("gradient against finite differences: largest difference", f"{gradient_error:.1e}")

# %% [markdown] lang="vi"
# ## 3. Gradient descent và Newton
#
# Gradient descent cần một tốc độ học an toàn, $\eta < 2/\beta$ với $\beta$ là hằng số trơn (hằng
# số Lipschitz của $\nabla J_\mu$). Vì $\hat y(1 - \hat y) \le 1/4$, ta có
# $\beta \le \frac{1}{4m}\lambda_{\max}(X_b^\top X_b) + \mu$; ta lấy $\eta = 1/\beta$. Newton giải
# $H d = -\nabla J_\mu$ ở mỗi bước.

# %% [markdown] lang="en"
# ## 3. Gradient descent and Newton
#
# Gradient descent needs a safe learning rate, $\eta < 2/\beta$ with $\beta$ the smoothness
# constant (the Lipschitz constant of $\nabla J_\mu$). Since $\hat y(1 - \hat y) \le 1/4$,
# $\beta \le \frac{1}{4m}\lambda_{\max}(X_b^\top X_b) + \mu$; we take $\eta = 1/\beta$. Newton
# solves $H d = -\nabla J_\mu$ at each step.

# %%
beta = np.linalg.eigvalsh(Xb_train.T @ Xb_train).max() / (4 * len(y_train)) + MU
theta_gd, gd_costs = theta0.copy(), []
for _ in range(3000):
    gd_costs.append(cost(theta_gd, Xb_train, y_train))
    theta_gd = theta_gd - gradient(theta_gd, Xb_train, y_train) / beta

theta_nt, nt_costs = theta0.copy(), []
for _ in range(10):
    nt_costs.append(cost(theta_nt, Xb_train, y_train))
    theta_nt = theta_nt - np.linalg.solve(hessian(theta_nt, Xb_train, y_train), gradient(theta_nt, Xb_train, y_train))
nt_costs.append(cost(theta_nt, Xb_train, y_train))

theta_lb = fit_l2(Z_train, y_train, MU).theta
sk = SkLogisticRegression(C=sklearn_c(MU, len(y_train)), solver="newton-cholesky", tol=1e-12).fit(Z_train, y_train)
theta_sk = np.r_[sk.intercept_, sk.coef_[0]]

# %% lang="vi"
print("η = 1/β =", round(1 / beta, 4))
print("J sau 3000 bước GD:   ", round(gd_costs[-1], 6))
print("J sau 10 bước Newton: ", round(nt_costs[-1], 6))
print("GD cách Newton (lớn nhất trên θ):         ", f"{np.abs(theta_gd - theta_nt).max():.1e}")
print("Newton của ta cách lossbook.fit_l2:       ", f"{np.abs(theta_nt - theta_lb).max():.1e}")
print("Newton của ta cách scikit-learn (C = 1/(μm)):", f"{np.abs(theta_nt - theta_sk).max():.1e}")

# %% lang="en"
print("η = 1/β =", round(1 / beta, 4))
print("J after 3000 GD steps:    ", round(gd_costs[-1], 6))
print("J after 10 Newton steps:  ", round(nt_costs[-1], 6))
print("GD from Newton (largest over θ):           ", f"{np.abs(theta_gd - theta_nt).max():.1e}")
print("our Newton from lossbook.fit_l2:           ", f"{np.abs(theta_nt - theta_lb).max():.1e}")
print("our Newton from scikit-learn (C = 1/(μm)): ", f"{np.abs(theta_nt - theta_sk).max():.1e}")

# %% [markdown] lang="vi"
# Newton tới cực tiểu trong vài bước; gradient descent cần hàng nghìn bước để đến gần. Hình dưới
# vẽ $J_\mu - J^\star$ của cả hai theo số bước.

# %% [markdown] lang="en"
# Newton reaches the minimum in a few steps; gradient descent needs thousands to come close. The
# figure below plots $J_\mu - J^\star$ of both against the step number.

# %%
best = nt_costs[-1]


def plot_costs(xlabel):
    fig, ax = plt.subplots(figsize=(7, 3.4), constrained_layout=True)
    ax.semilogy(np.maximum(np.array(gd_costs) - best, 1e-16), label="gradient descent, η = 1/β")
    ax.semilogy(np.maximum(np.array(nt_costs) - best, 1e-16), "o-", label="Newton")
    ax.set_xscale("symlog", linthresh=10)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("$J_\\mu - J^\\star$")
    ax.legend()
    plt.show()


# %% lang="vi" alt_vi="J_μ − J* theo số bước trên thang log: Newton rơi tới sai số làm tròn sau chưa tới mười bước; gradient descent với η = 1/β giảm chậm và đều, sau 3000 bước vẫn còn trên sai số làm tròn."
plot_costs("bước")

# %% lang="en" alt_en="J_μ − J* against the step number on a log scale: Newton drops to rounding error in under ten steps; gradient descent with η = 1/β falls slowly and steadily and is still above rounding error after 3000 steps."
plot_costs("step")

# %% [markdown] lang="vi"
# ## 4. Đánh giá trên tập kiểm tra
#
# Ma trận nhầm lẫn ở ngưỡng 0.5, độ chuẩn xác và độ nhạy, AUC (đếm các cặp dương–âm xếp đúng thứ
# tự), và hiệu chuẩn tổng thể: có bias và không phạt nó, tại cực tiểu dự đoán trung bình trên
# tập huấn luyện bằng tỉ lệ khối u ác tính.

# %% [markdown] lang="en"
# ## 4. Evaluation on the test set
#
# The confusion matrix at threshold 0.5, precision and recall, the AUC (counting the
# positive–negative pairs in the right order), and calibration in the large: with an intercept that
# is not penalised, at the minimum the mean prediction on the training set equals the share of
# malignant tumours.

# %%
p_train, p_test = sigmoid(Xb_train @ theta_nt), sigmoid(Xb_test @ theta_nt)
flag = p_test >= 0.5
tp, fn = int(np.sum(flag & (y_test == 1))), int(np.sum(~flag & (y_test == 1)))
fp, tn = int(np.sum(flag & (y_test == 0))), int(np.sum(~flag & (y_test == 0)))
positives, negatives = p_test[y_test == 1], p_test[y_test == 0]
auc = np.mean((positives[:, None] > negatives[None, :]) + 0.5 * (positives[:, None] == negatives[None, :]))
auc_checks = (metrics.roc_auc(y_test, p_test), roc_auc_score(y_test, p_test))

# %% lang="vi"
print("       dự đoán 1  dự đoán 0")
print(f"thật 1  TP = {tp:3d}   FN = {fn:3d}")
print(f"thật 0  FP = {fp:3d}   TN = {tn:3d}")
print("tỉ lệ đúng", round((tp + tn) / len(y_test), 3), "| độ chuẩn xác", round(tp / (tp + fp), 3), "| độ nhạy", round(tp / (tp + fn), 3))
print("AUC của ta", round(auc, 6), "| lossbook", round(auc_checks[0], 6), "| scikit-learn", round(auc_checks[1], 6))
print("huấn luyện: ŷ trung bình", round(p_train.mean(), 6), "= tỉ lệ ác tính", round(y_train.mean(), 6))
print("log-loss: huấn luyện", round(metrics.log_loss(y_train, p_train), 4), "| kiểm tra", round(metrics.log_loss(y_test, p_test), 4))

# %% lang="en"
print("          predicted 1  predicted 0")
print(f"actual 1  TP = {tp:3d}     FN = {fn:3d}")
print(f"actual 0  FP = {fp:3d}     TN = {tn:3d}")
print("accuracy", round((tp + tn) / len(y_test), 3), "| precision", round(tp / (tp + fp), 3), "| recall", round(tp / (tp + fn), 3))
print("our AUC", round(auc, 6), "| lossbook", round(auc_checks[0], 6), "| scikit-learn", round(auc_checks[1], 6))
print("training: mean ŷ", round(p_train.mean(), 6), "= share malignant", round(y_train.mean(), 6))
print("log-loss: training", round(metrics.log_loss(y_train, p_train), 4), "| test", round(metrics.log_loss(y_test, p_test), 4))

# %% [markdown] lang="vi"
# ## 5. Đường cong ROC và biểu đồ độ tin cậy
#
# Đường ROC: sắp các khối u kiểm tra theo $\hat y$ giảm dần, rồi cộng dồn số mẫu dương và âm đã
# vượt ngưỡng. Biểu đồ độ tin cậy: năm nhóm xác suất bằng nhau, trong mỗi nhóm so dự đoán trung
# bình với tỉ lệ ác tính thực tế (`lossbook.metrics.calibration_curve`).

# %% [markdown] lang="en"
# ## 5. The ROC curve and the reliability diagram
#
# The ROC curve: sort the test tumours by decreasing $\hat y$, then count the positives and
# negatives above the threshold cumulatively. The reliability diagram: five equal bins of
# probability, in each the mean prediction against the observed share malignant
# (`lossbook.metrics.calibration_curve`).

# %%
order = np.argsort(-p_test)
tpr = np.r_[0, np.cumsum(y_test[order] == 1)] / (y_test == 1).sum()
fpr = np.r_[0, np.cumsum(y_test[order] == 0)] / (y_test == 0).sum()
observed, predicted, counts = metrics.calibration_curve(y_test, p_test, 5)


def plot_evaluation(labels):
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.8), constrained_layout=True)
    left.plot(fpr, tpr, label=f"AUC = {auc:.3f}")
    left.plot([0, 1], [0, 1], "--", color="grey")
    left.set_xlabel(labels[0])
    left.set_ylabel(labels[1])
    left.legend(loc="lower right")
    right.plot([0, 1], [0, 1], "--", color="grey")
    right.scatter(predicted, observed, s=10 * counts)
    right.set_xlabel(labels[2])
    right.set_ylabel(labels[3])
    for ax in (left, right):
        ax.set_aspect("equal")
    plt.show()


# %% lang="vi" alt_vi="Hai hình. Trái: đường cong ROC của mô hình 30 đặc trưng trên tập kiểm tra, leo gần như thẳng đứng lên sát góc trên bên trái, cao hơn hẳn đường chéo. Phải: biểu đồ độ tin cậy; hai nhóm lớn, gần 0 và gần 1, nằm trên đường chéo, còn ba nhóm nhỏ ở giữa, mỗi nhóm vài khối u, lệch khỏi nó."
plot_evaluation(["tỉ lệ dương tính giả", "độ nhạy", "xác suất dự đoán trung bình", "tỉ lệ ác tính thực tế"])

# %% lang="en" alt_en="Two panels. Left: the ROC curve of the 30-feature model on the test set, rising almost straight up to near the top-left corner, far above the diagonal. Right: the reliability diagram; the two large bins, near 0 and near 1, sit on the diagonal, while the three small middle bins, a few tumours each, stray from it."
plot_evaluation(["false-positive rate", "recall", "mean predicted probability", "observed share malignant"])

# %% [markdown] lang="vi"
# ## Đi tiếp
#
# - Thử lại với $\mu = 10^{-5}$: log-loss kiểm tra tăng vọt trong khi AUC hầu như không đổi (chương 12).
# - Hạ ngưỡng xuống 0.2 và đếm lại FN, FP: cái giá của việc bỏ sót ít ca ung thư hơn.
# - Thay gradient descent bằng SGD theo từng lô nhỏ và so số lần tính gradient cần để tới cùng $J_\mu$.

# %% [markdown] lang="en"
# ## Going further
#
# - Try again with $\mu = 10^{-5}$: the test log-loss shoots up while the AUC barely moves (chapter 12).
# - Lower the threshold to 0.2 and count FN and FP again: the price of missing fewer cancers.
# - Replace gradient descent by minibatch SGD and compare the number of gradient evaluations needed to reach the same $J_\mu$.
