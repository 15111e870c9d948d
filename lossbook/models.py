r"""Two estimators in scikit-learn's style (chapters: linear regression review, logistic
regression with MSE and with BCE).

:class:`LinearRegression` fits :math:`\hat y = b + w^\top x` by least squares
(``solver="normal"``) or by gradient descent on the lesson's MSE (``solver="gd"``).
:class:`LogisticRegression` fits :math:`\hat y = \sigma(b + w^\top x)` with the BCE or the
MSE loss, by Newton's method, gradient descent or per-sample SGD, all from
:mod:`lossbook.optim`.

Both follow scikit-learn's conventions: hyper-parameters in the constructor,
``fit(X, y)`` returns the estimator, learned attributes end with ``_`` (``coef_``,
``intercept_``, ``n_iter_``, ``history_``). ``X`` has shape ``(m, n)``; ``y`` shape
``(m,)``. Unlike scikit-learn, hyper-parameters are checked in the constructor, so a
mistake shows where it is made.
"""

from __future__ import annotations

import math
import warnings
from typing import Any, Literal

import numpy as np

from ._kernels import add_bias, sigmoid
from ._validation import (
    as_float_array,
    check_choice,
    check_count,
    check_design_matrix,
    check_labels,
    check_positive,
    check_same_length,
)
from .optim import (
    History,
    SeparableDataWarning,
    full_batch_gd,
    newton,
    sgd_logistic,
)

__all__ = ["LinearRegression", "LogisticRegression", "NotFittedError"]


class NotFittedError(ValueError, AttributeError):
    """``predict`` (or another method that needs ``coef_``) was called before ``fit``.

    >>> LogisticRegression().predict([[1.0]])
    Traceback (most recent call last):
    ...
    lossbook.models.NotFittedError: this LogisticRegression is not fitted yet; call fit(X, y) first
    """


def _check_tol(tol: Any) -> float:
    value = float(as_float_array("tol", tol, ndim=None))
    if value < 0.0:
        raise ValueError(f"tol must be >= 0; got {value!r}")
    return value


def _check_seed(seed: Any) -> int | None:
    if seed is None:
        return None
    return check_count("seed", seed)


class _LinearModel:
    coef_: np.ndarray
    intercept_: float

    def _fitted_X(self, X: Any) -> np.ndarray:
        if not hasattr(self, "coef_"):
            raise NotFittedError(f"this {type(self).__name__} is not fitted yet; call fit(X, y) first")
        X_arr = check_design_matrix("X", X)
        if X_arr.shape[1] != self.coef_.shape[0]:
            raise ValueError(
                f"X has {X_arr.shape[1]} features but {type(self).__name__} was fitted with "
                f"{self.coef_.shape[0]}; pass the same columns as in fit"
            )
        return X_arr

    def _set_params(self, theta: np.ndarray) -> None:
        self.intercept_ = float(theta[0])
        self.coef_ = np.array(theta[1:], dtype=np.float64)

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._hyper().items())
        return f"{type(self).__name__}({args})"


class LinearRegression(_LinearModel):
    r"""Least-squares linear regression, :math:`\hat y = b + w^\top x`.

    Parameters
    ----------
    solver : {"normal", "gd"}
        ``"normal"``: the least-squares solution of :math:`X_b\theta \approx y` by
        ``np.linalg.lstsq`` (SVD; with collinear columns, the minimum-norm solution).
        ``"gd"``: full-batch gradient descent from :math:`\theta = 0` on the lesson's
        :math:`\frac1m\sum(\hat y - y)^2`, gradient :math:`\frac2m X_b^\top(X_b\theta - y)`.
    lr : float
        Learning rate of ``"gd"``. Gradient descent on this quadratic is stable only for
        ``lr < 2 / lambda_max`` of the Hessian :math:`\frac2m X_b^\top X_b`; ``fit`` raises
        a ``ValueError`` giving that bound if the iterates blow up.
    max_iter : int
        Maximum number of ``"gd"`` steps.
    tol : float
        ``"gd"`` stops when :math:`\max_i|\partial L/\partial\theta_i| \le` ``tol``.

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (n,)
    intercept_ : float
    n_iter_ : int
        Gradient steps taken (0 for ``"normal"``).
    history_ : History or None
        The gradient-descent iterates (``None`` for ``"normal"``).

    Examples
    --------
    The slides' house prices (area, price):

    >>> X = [[6.7], [4.6], [3.5], [5.5]]; y = [9.1, 5.9, 4.6, 6.7]
    >>> model = LinearRegression().fit(X, y)
    >>> round(float(model.coef_[0]), 4), round(model.intercept_, 4)
    (1.3727, -0.3914)
    >>> model.predict([[5.0]]).round(3)
    array([6.472])
    >>> gd = LinearRegression(solver="gd", lr=0.02, max_iter=20000, tol=1e-10).fit(X, y)
    >>> bool(np.allclose(gd.coef_, model.coef_, rtol=1e-6)), gd.history_.params.shape[1]
    (True, 2)
    """

    def __init__(
        self, *, solver: Literal["normal", "gd"] = "normal", lr: float = 0.01, max_iter: int = 1000, tol: float = 1e-8
    ) -> None:
        self.solver = check_choice("solver", solver, ("normal", "gd"))
        self.lr = check_positive("lr", lr)
        self.max_iter = check_count("max_iter", max_iter, minimum=1)
        self.tol = _check_tol(tol)

    def _hyper(self) -> dict[str, Any]:
        return {"solver": self.solver, "lr": self.lr, "max_iter": self.max_iter, "tol": self.tol}

    def fit(self, X: Any, y: Any) -> LinearRegression:
        """Fit to ``X`` (m, n) and real targets ``y`` (m,); returns ``self``.

        >>> LinearRegression().fit([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]).coef_
        array([2.])
        """
        X_arr = check_design_matrix("X", X)
        y_arr = as_float_array("y", y, ndim=1)
        check_same_length("X", X_arr, "y", y_arr)
        Xb = add_bias(X_arr)
        if self.solver == "normal":
            theta = np.linalg.lstsq(Xb, y_arr, rcond=None)[0]
            self.n_iter_, self.history_ = 0, None
        else:
            theta, history = self._gradient_descent(Xb, y_arr)
            self.n_iter_, self.history_ = history.steps, history
        self._set_params(theta)
        return self

    def _gradient_descent(self, Xb: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, History]:
        m = Xb.shape[0]
        theta = np.zeros(Xb.shape[1])
        params, losses, grads = [theta], [], []
        with np.errstate(over="ignore", invalid="ignore"):
            for t in range(self.max_iter + 1):
                residual = Xb @ theta - y
                loss = float(residual @ residual / m)
                g = 2.0 * (Xb.T @ residual) / m
                losses.append(loss)
                grads.append(g)
                if not (math.isfinite(loss) and np.all(np.isfinite(g))) or (t and loss > 1e6 * losses[0] + 1.0):
                    bound = 2.0 / np.linalg.eigvalsh(2.0 * Xb.T @ Xb / m).max()
                    raise ValueError(
                        f"gradient descent diverged after {t} steps with lr={self.lr:g}: for these features "
                        f"it is stable only for lr < {bound:.4g} (2 / largest eigenvalue of the Hessian "
                        f"(2/m) X_b^T X_b). Lower lr, or standardise the features."
                    )
                if t == self.max_iter or np.max(np.abs(g)) <= self.tol:
                    break
                theta = theta - self.lr * g
                params.append(theta)
        return theta, History(params=np.array(params), loss=np.array(losses), grads=np.array(grads))

    def predict(self, X: Any) -> np.ndarray:
        """:math:`\\hat y = b + X w`, shape (m,).

        >>> LinearRegression().fit([[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]).predict([[10.0]])
        array([21.])
        """
        X_arr = self._fitted_X(X)
        return X_arr @ self.coef_ + self.intercept_


class LogisticRegression(_LinearModel):
    r"""Logistic regression, :math:`\hat y = \sigma(b + w^\top x)`, without penalty.

    Parameters
    ----------
    loss : {"bce", "mse"}
        Binary cross-entropy (convex: one minimum, when the classes overlap) or the
        lesson's :math:`(\hat y - y)^2` on the sigmoid output (not convex).
    solver : {"newton", "gd", "sgd"}
        ``"newton"``: :func:`lossbook.optim.newton` (``loss="bce"`` only: with the MSE the
        Hessian can be indefinite and a Newton step can go uphill). ``"gd"``: full-batch
        gradient descent from 0. ``"sgd"``: the lesson's per-sample SGD from 0, samples in
        a new random order each epoch.
    lr : float
        Learning rate of ``"gd"`` and ``"sgd"``.
    max_iter : int
        Newton iterations, gradient steps (``"gd"``) or epochs (``"sgd"``).
    tol : float or None
        ``"newton"``: stop when half the squared Newton decrement (an estimate of the gap
        to the optimal mean loss) is ``<= tol`` (default ``1e-10``). ``"gd"``: when
        :math:`\max_i|\partial L/\partial\theta_i| \le` ``tol`` (default ``1e-8``).
        ``"sgd"``: after 5 epochs in a row that did not lower the best mean loss by
        ``tol`` (scikit-learn's ``SGDClassifier`` rule); default ``None``: run every epoch
        (the loss of constant-rate SGD goes up and down from epoch to epoch, so a small
        data set can trip that rule early).
    seed : int or None
        Seed of the sample order of ``"sgd"``.

    Attributes
    ----------
    coef_ : numpy.ndarray, shape (n,)
    intercept_ : float
    n_iter_ : int
        Newton iterations, gradient steps or epochs actually run.
    history_ : History
        The optimiser's iterates (:class:`~lossbook.optim.NewtonHistory` for Newton,
        :class:`~lossbook.optim.SGDHistory` for SGD).
    loss_ : float
        Mean training loss at the solution.

    Warns
    -----
    SeparableDataWarning
        The fitted parameters classify every training sample correctly: the loss has no
        minimiser, the weights only grow with more iterations (Newton stops at once).

    Examples
    --------
    >>> X = [[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]]; y = [0, 0, 1, 1, 1, 0]
    >>> clf = LogisticRegression().fit(X, y)
    >>> round(float(clf.coef_[0]), 4), round(clf.intercept_, 4), clf.n_iter_
    (1.7603, -4.2364, 4)
    >>> clf.predict([[1.0], [3.5]]), clf.predict_proba([[2.4066]]).round(3)
    (array([0, 1]), array([[0.5, 0.5]]))
    >>> sgd = LogisticRegression(solver="sgd", lr=0.05, max_iter=1000, seed=0).fit(X, y)
    >>> sgd.n_iter_, bool(abs(sgd.loss_ - clf.loss_) < 1e-3)
    (1000, True)
    """

    def __init__(
        self,
        *,
        loss: Literal["bce", "mse"] = "bce",
        solver: Literal["newton", "gd", "sgd"] = "newton",
        lr: float = 0.1,
        max_iter: int = 100,
        tol: float | None = None,
        seed: int | None = None,
    ) -> None:
        self.loss = check_choice("loss", loss, ("bce", "mse"))
        self.solver = check_choice("solver", solver, ("newton", "gd", "sgd"))
        if self.solver == "newton" and self.loss != "bce":
            raise ValueError(
                f"solver='newton' needs loss='bce'; got loss={loss!r}. The sigmoid + MSE loss is not "
                "convex: its Hessian can have negative eigenvalues, and a Newton step then goes "
                "uphill. Use solver='gd' or solver='sgd' with loss='mse'."
            )
        self.lr = check_positive("lr", lr)
        self.max_iter = check_count("max_iter", max_iter, minimum=1)
        self.tol = None if tol is None else _check_tol(tol)
        self.seed = _check_seed(seed)

    #: Defaults of ``tol`` per solver when ``tol=None``.
    DEFAULT_TOL = {"newton": 1e-10, "gd": 1e-8, "sgd": None}

    def _hyper(self) -> dict[str, Any]:
        return {
            "loss": self.loss,
            "solver": self.solver,
            "lr": self.lr,
            "max_iter": self.max_iter,
            "tol": self.tol,
            "seed": self.seed,
        }

    def fit(self, X: Any, y: Any) -> LogisticRegression:
        """Fit to ``X`` (m, n) and labels ``y`` (m,) in {0, 1}; returns ``self``.

        >>> clf = LogisticRegression().fit([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0])
        >>> clf.n_iter_, clf.history_.converged, round(clf.loss_, 4)
        (4, True, 0.4841)
        """
        X_arr = check_design_matrix("X", X)
        y_arr = check_labels("y", y)
        check_same_length("X", X_arr, "y", y_arr)
        n_ones = int(np.count_nonzero(y_arr))
        if n_ones in (0, len(y_arr)):
            raise ValueError(
                f"y must contain both labels 0 and 1; got only {int(y_arr[0])}s ({len(y_arr)} samples). "
                "With one class the loss has no minimiser (the intercept runs to infinity)."
            )
        theta0 = np.zeros(X_arr.shape[1] + 1)
        tol = self.DEFAULT_TOL[self.solver] if self.tol is None else self.tol
        if self.solver == "newton":
            history = newton(X_arr, y_arr, max_iter=self.max_iter, tol=tol)
            n_iter = history.steps
        elif self.solver == "gd":
            history = full_batch_gd(X_arr, y_arr, theta0, lr=self.lr, steps=self.max_iter, loss=self.loss, tol=tol)
            n_iter = history.steps
        else:
            history = sgd_logistic(
                X_arr,
                y_arr,
                theta0,
                lr=self.lr,
                epochs=self.max_iter,
                loss=self.loss,
                order="shuffle",
                seed=self.seed,
                tol=tol,
            )
            n_iter = history.steps // len(y_arr)
        self._set_params(history.final)
        self.n_iter_, self.history_, self.loss_ = n_iter, history, float(history.loss[-1])
        if self.solver != "newton":
            z = X_arr @ self.coef_ + self.intercept_
            if np.all((2.0 * y_arr - 1.0) * z > 0.0):
                warnings.warn(
                    f"{type(self).__name__}(solver={self.solver!r}): the fitted parameters classify all "
                    f"{len(y_arr)} training samples correctly, so the data are linearly separable and the "
                    "loss has no minimiser: more iterations only grow the weights and push the loss "
                    "towards 0.",
                    SeparableDataWarning,
                    stacklevel=2,
                )
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Logits :math:`z = b + X w`, shape (m,).

        >>> clf = LogisticRegression().fit([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0])
        >>> clf.decision_function([[0.0], [1.0]]).round(4)  # b, then b + w
        array([-4.2364, -2.4761])
        """
        X_arr = self._fitted_X(X)
        return X_arr @ self.coef_ + self.intercept_

    def predict_proba(self, X: Any) -> np.ndarray:
        """Probabilities ``[[1 - y_hat, y_hat], ...]``, shape (m, 2), columns for labels 0 and 1.

        >>> clf = LogisticRegression().fit([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0])
        >>> clf.predict_proba([[1.0], [4.0]]).round(4)
        array([[0.9225, 0.0775],
               [0.0571, 0.9429]])
        """
        z = self.decision_function(X)
        return np.column_stack([sigmoid(-z), sigmoid(z)])  # 1 - sigma(z) = sigma(-z), every digit kept

    def predict(self, X: Any) -> np.ndarray:
        """Labels 0/1 (int), 1 where :math:`z > 0`, i.e. :math:`\\hat y > 0.5`.

        >>> clf = LogisticRegression().fit([[1.4], [1.5], [3.0], [4.1], [2.0], [2.8]], [0, 0, 1, 1, 1, 0])
        >>> clf.predict([[2.0], [2.5]])
        array([0, 1])
        """
        return (self.decision_function(X) > 0.0).astype(np.int64)
