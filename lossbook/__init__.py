"""lossbook: the math behind "why logistic regression uses binary cross-entropy".

Every formula, worked number and figure of the lossbook site is computed here.
Public names are importable from ``lossbook`` directly; ``__all__`` lists them.

Where things live: :mod:`~lossbook.activations` (sigmoid, logit, logistic growth),
:mod:`~lossbook.losses` (MSE, sigmoid + MSE, BCE: objective, gradient, Hessian; with
:mod:`~lossbook.curvature` and :mod:`~lossbook.landscape`), :mod:`~lossbook.entropy`,
:mod:`~lossbook.gradcheck`, :mod:`~lossbook.optim` (gradient descent, SGD, Newton),
:mod:`~lossbook.models` (the two estimators), :mod:`~lossbook.convergence` and
:mod:`~lossbook.vectorisation` (the Newton-vs-GD and loop-vs-vectorised measurements),
:mod:`~lossbook.datasets`; the pages' worked examples in :mod:`~lossbook.lesson` and
the errata in :mod:`~lossbook.errata`. The formulas several modules share (stable
sigmoid, BCE from logits, the bias column) are in ``lossbook._kernels``, the argument
checks in ``lossbook._validation``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from . import datasets, errata, lesson  # noqa: E402  (the lesson's data, worked examples, errata)
from .activations import (
    logistic_growth,
    logistic_growth_rhs,
    logit,
    sigmoid,
    sigmoid_derivative,
    sigmoid_second_derivative,
)
from .convergence import NewtonVsGD, breast_cancer_newton_vs_gd, newton_vs_gd
from .entropy import binary_entropy, cross_entropy, entropy, information, kl_divergence
from .gradcheck import (
    check_gradient,
    check_hessian,
    numerical_gradient,
    numerical_hessian,
    numerical_jacobian,
    relative_error,
)
from .losses import (
    BCE_EPS,
    add_bias,
    bce_grad,
    bce_hessian,
    bce_hessian_eigenvalues,
    bce_hessian_single,
    bce_loss,
    bce_objective,
    bce_per_sample,
    bce_second_derivative,
    bce_with_logits,
    bce_with_logits_per_sample,
    linear_mse_grad,
    linear_mse_hessian,
    linear_mse_objective,
    loss_landscape,
    mse_loss,
    sigmoid_mse_grad,
    sigmoid_mse_hessian,
    sigmoid_mse_negative_curvature,
    sigmoid_mse_objective,
    sigmoid_mse_second_derivative,
    squared_error,
)
from .models import LinearRegression, LogisticRegression, NotFittedError
from .optim import (
    History,
    NewtonConvergenceWarning,
    NewtonHistory,
    SeparableDataWarning,
    SGDHistory,
    SGDStep,
    full_batch_gd,
    gradient_descent,
    minibatch_gd,
    newton,
    sgd_logistic,
    sgd_step,
    sign_gradient_descent,
    slides_walk,
    square_function_walk,
)
from .vectorisation import GradientTiming, loop_bce_gradient, time_bce_gradient, vectorised_bce_gradient

__all__ = [
    # the lesson's data, worked examples and errata
    "datasets",
    "lesson",
    "errata",
    # activations
    "logistic_growth",
    "logistic_growth_rhs",
    "logit",
    "sigmoid",
    "sigmoid_derivative",
    "sigmoid_second_derivative",
    # losses
    "BCE_EPS",
    "add_bias",
    "bce_grad",
    "bce_hessian",
    "bce_hessian_eigenvalues",
    "bce_hessian_single",
    "bce_loss",
    "bce_objective",
    "bce_per_sample",
    "bce_second_derivative",
    "bce_with_logits",
    "bce_with_logits_per_sample",
    "linear_mse_grad",
    "linear_mse_hessian",
    "linear_mse_objective",
    "loss_landscape",
    "mse_loss",
    "sigmoid_mse_grad",
    "sigmoid_mse_hessian",
    "sigmoid_mse_negative_curvature",
    "sigmoid_mse_objective",
    "sigmoid_mse_second_derivative",
    "squared_error",
    # entropy
    "binary_entropy",
    "cross_entropy",
    "entropy",
    "information",
    "kl_divergence",
    # gradient checks
    "check_gradient",
    "check_hessian",
    "numerical_gradient",
    "numerical_hessian",
    "numerical_jacobian",
    "relative_error",
    # optimisers
    "History",
    "NewtonConvergenceWarning",
    "NewtonHistory",
    "SeparableDataWarning",
    "SGDHistory",
    "SGDStep",
    "full_batch_gd",
    "gradient_descent",
    "minibatch_gd",
    "newton",
    "sgd_logistic",
    "sgd_step",
    "sign_gradient_descent",
    "slides_walk",
    "square_function_walk",
    # estimators
    "LinearRegression",
    "LogisticRegression",
    "NotFittedError",
    # measurements
    "NewtonVsGD",
    "breast_cancer_newton_vs_gd",
    "newton_vs_gd",
    "GradientTiming",
    "loop_bce_gradient",
    "time_bce_gradient",
    "vectorised_bce_gradient",
]
