r"""The data the lesson's sources give, each written once.

Every worked example of :mod:`lossbook.lesson` takes its inputs from here as defaults; a
page may type these numbers (they are data, not results), and ``tests/test_lesson_layout.py``
checks that no other module of the lesson retypes one of the decimals below.

Sources: the slides (``002``), the blog (``000``), the notes (``004``).
"""

from __future__ import annotations

from ..text import LANGS  # re-exported: lossbook.lesson.LANGS

__all__ = [
    "LANGS",
    "DELTAS",
    "SQUARE_X0",
    "SQUARE_ETA",
    "HOUSE_LINES",
    "FIRST_HOUSE",
    "HOUSE_GD_LR",
    "HOUSE_NOISE_VARIANCES",
    "TUMOUR_PROBABILITY",
    "THRESHOLD",
    "GROWTH_K",
    "GROWTH_R",
    "GROWTH_Y0",
    "GROWTH_Y0_ABOVE",
    "PETAL_LINES",
    "PETAL_PROBABILITY",
    "CURVATURE_Y_HAT",
    "BRIER_P",
    "BRIER_FORECASTS",
    "ENTROPY_P",
    "NOTES_F",
    "BERNOULLI_Y_HAT",
    "CONFIDENT_WRONG_Y_HAT",
    "SEPARATING_LINE",
    "RIDGE_MU",
    "SGD_X",
    "SGD_Y",
    "SGD_W",
    "SGD_B",
    "SGD_ETA",
    "SGD_THETA",
    "SGD2_X",
    "SGD2_THETA",
    "USING_TEST_FRACTION",
    "USING_SEED",
    "SCREENING_THRESHOLD",
    "CALIBRATION_BINS",
    "L2_MU_EXPONENTS",
    "L2_CV_FOLDS",
    "QUIZ_Y_HAT",
    "QUIZ_Z",
    "PRIOR_MUS",
    "SOFTMAX_MU",
]

# --- chapter 1: the review -----------------------------------------------------------------
#: The steps :math:`\Delta x` of the derivative's difference quotient.
DELTAS: tuple[float, ...] = (1.0, 0.1, 0.01, 0.001)
#: Gradient descent on :math:`x^2`: :mod:`lossbook.optim`'s start and learning rate (the
#: slides give none).
SQUARE_X0 = 10.0
SQUARE_ETA = 0.1

# --- chapter 3: the house prices -------------------------------------------------------------
#: The slides' two lines :math:`(w, b)` for the house prices (a bad one, a good one):
#: ``house_price_table(*HOUSE_LINES[0])``.
HOUSE_LINES: tuple[tuple[float, float], ...] = ((-0.34, 0.04), (1.17, 0.26))
#: The first house of the slides' table, (area, price).
FIRST_HOUSE: tuple[float, float] = (6.7, 9.1)
#: The learning rate of gradient descent on the houses' MSE.
HOUSE_GD_LR = 0.02
#: Noise variances :math:`s^2` tried in the Gaussian model of the prices (any positive values:
#: the point is that the maximiser does not depend on them).
HOUSE_NOISE_VARIANCES: tuple[float, ...] = (0.25, 1.0, 4.0)

# --- chapter 4: the tumour ---------------------------------------------------------------------
#: The notes' tumour: malignant with probability 0.34, against the threshold 0.5.
TUMOUR_PROBABILITY = 0.34
THRESHOLD = 0.5

# --- chapter 5: logistic growth ------------------------------------------------------------------
#: The chapter's population: capacity :math:`K`, rate :math:`r`, start :math:`y_0` (and a start above :math:`K`).
GROWTH_K = 100.0
GROWTH_R = 0.5
GROWTH_Y0 = 5.0
GROWTH_Y0_ABOVE = 150.0

# --- chapter 6: the sigmoid on the petals -------------------------------------------------------
#: The slides' two sigmoids :math:`z = wx + b` on the petals, as ``(w, b)``:
#: ``petal_sigmoid_table(*PETAL_LINES[0])``.
PETAL_LINES: tuple[tuple[float, float], ...] = ((0.535, -0.654), (2.331, -5.156))
#: The probability whose petal length chapter 6's exercise asks for.
PETAL_PROBABILITY = 0.9

# --- chapter 7: the curvature of sigmoid + MSE --------------------------------------------------
#: The predictions at which the slides' second derivatives are tabulated.
CURVATURE_Y_HAT: tuple[float, ...] = (0.1, 0.25, 0.5, 0.75, 0.9)
#: The probability :math:`p` of the event and the forecasts :math:`q` of the Brier-score table.
BRIER_P = 0.3
BRIER_FORECASTS: tuple[float, ...] = (0.1, 0.2, 0.3, 0.4, 0.5)

# --- chapter 8: the BCE ---------------------------------------------------------------------------
#: The slides' entropy basket :math:`p(X = 0)`.
ENTROPY_P = 0.9
#: The notes' prediction :math:`f` in their compact loss formula.
NOTES_F = 0.7
#: The blog's prediction in the Bernoulli likelihood.
BERNOULLI_Y_HAT = 0.8
#: A confident, wrong prediction for a sample of label 0 (chapter 8's exercise, a quiz).
CONFIDENT_WRONG_Y_HAT = 0.99

# --- chapter 9: convexity ---------------------------------------------------------------------------
#: A line :math:`(b, w)` separating the four petals of :func:`lossbook.datasets.petal_sgd` (at :math:`x = 2.25`).
SEPARATING_LINE: tuple[float, float] = (-2.25, 1.0)
#: The L2 penalty strength :math:`\mu` of the ridge example.
RIDGE_MU = 0.1

# --- chapter 10: the slides' SGD steps ----------------------------------------------------------------
#: The slides' "Example": one petal :math:`x = 1.4` of label :math:`y = 0`, from
#: :math:`w = -0.1`, :math:`b = 0.1`, learning rate :math:`\eta = 0.01`.
SGD_X = 1.4
SGD_Y = 0.0
SGD_W = -0.1
SGD_B = 0.1
SGD_ETA = 0.01
#: The same start as :math:`\theta = (b, w)`.
SGD_THETA: tuple[float, float] = (SGD_B, SGD_W)
#: "Another Example": :math:`x = (1.4, 0.2)`, :math:`y = 0`, from :math:`(b, w_1, w_2) = (0.1, 0.5, -0.1)`.
SGD2_X: tuple[float, float] = (SGD_X, 0.2)
SGD2_THETA: tuple[float, float, float] = (SGD_B, 0.5, SGD_W)

# --- chapter 12: using the model ----------------------------------------------------------------------
#: The tumour data's train/test split: a quarter of each class to the test part, seed 0.
USING_TEST_FRACTION = 0.25
USING_SEED = 0
#: The screening threshold the chapter chooses (below 0.5: fewer missed cancers, more alarms).
SCREENING_THRESHOLD = 0.2
#: Equal-width bins of the reliability diagram (few: the test part has about 140 tumours).
CALIBRATION_BINS = 5
#: The L2 strengths of the chapter's sweep, on the 30 standardised features: mu = 10**k.
L2_MU_EXPONENTS: tuple[int, ...] = (-5, -4, -3, -2, -1, 0)
#: The folds of the cross-validation that chooses mu on the training part (stratified, seed USING_SEED).
L2_CV_FOLDS = 5

# --- chapter 13: where next ----------------------------------------------------------------------------
#: The L2 strengths of the Gaussian-prior (MAP) table, on the standardised tumour radius.
PRIOR_MUS: tuple[float, ...] = (0.01, 0.1, 1.0)
#: The L2 strength of the softmax fit on iris (setosa is separable: without it, no minimiser).
SOFTMAX_MU = 0.01

# --- the quizzes page -----------------------------------------------------------------------------------
#: The predictions at which quiz 3's four formulas are compared with the BCE.
QUIZ_Y_HAT: tuple[float, ...] = (0.1, 0.3, 0.5, 0.7, 0.9)
#: The logit at which the options for :math:`dL/dz` are compared with a finite difference.
QUIZ_Z = 0.3
