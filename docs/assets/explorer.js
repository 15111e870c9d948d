// Loss explorer: move w and b, watch sigmoid+MSE and BCE disagree.
//
// Plain JavaScript + SVG, no framework, nothing from another host. The data (data sets,
// loss landscapes on a (w, b) grid, and reference values) are exported at build time by
// lossbook.explorer (hooks/page_explorer.py writes assets/data/explorer.json); the math
// below mirrors lossbook.losses and is checked against lossbook's exported values by the
// browser tests (tests/site/test_explorer_widget.py), to 4 decimals.
//
// Markup hooks the tests rely on: .lb-explorer[data-ready=true] once built; number inputs
// named w, b, lr; select[name=dataset], input[name=separable]; buttons [data-action=sgd|
// batch|reset]; dd[data-value=mse|bce|grad-mse|grad-bce].
(function () {
  "use strict";

  var TEXT = {
    vi: {
      dataset: "Dữ liệu", separable: "Hai lớp tách được", w: "w (trọng số)", b: "b (hệ số chặn)",
      slider: "thanh trượt", lr: "η (tốc độ học)", trainWith: "Huấn luyện với",
      sgd: "Một bước SGD", batch: "Một bước toàn bộ dữ liệu", reset: "Đặt lại",
      sample: "Mẫu", x: "x", y: "y", yhat: "ŷ", mse: "MSE", bce: "BCE", total: "trung bình",
      grad: "Gradient [∂/∂b, ∂/∂w]", next: "mẫu tiếp theo", perSample: "Mất mát của từng mẫu",
      curve: "Đường cong ŷ = σ(wx + b) và dữ liệu: chấm tròn là nhãn y, đoạn thẳng nối tới ŷ của mẫu",
      xAxis: "x (chiều dài cánh hoa, cm)",
      landscapeMse: "Bề mặt sigmoid + MSE", landscapeBce: "Bề mặt BCE",
      arrow: "mũi tên: −gradient, cùng tỉ lệ ở hai hình", position: "vị trí hiện tại",
      noData: "Không tải được dữ liệu của công cụ.", lastStep: "Bước vừa rồi", none: "chưa có",
      separableNote: "Dữ liệu tách được: BCE giảm mãi khi w tăng dọc theo thung lũng, không có điểm cực tiểu hữu hạn, và gradient descent làm w lớn mãi.",
      overlapNote: "Hai lớp chồng lấn: BCE có đúng một điểm cực tiểu hữu hạn.",
    },
    en: {
      dataset: "Data set", separable: "Separable classes", w: "w (weight)", b: "b (bias)",
      slider: "slider", lr: "η (learning rate)", trainWith: "Train with",
      sgd: "One SGD step", batch: "One full-batch step", reset: "Reset",
      sample: "Sample", x: "x", y: "y", yhat: "ŷ", mse: "MSE", bce: "BCE", total: "mean",
      grad: "Gradient [∂/∂b, ∂/∂w]", next: "next sample", perSample: "Loss of each sample",
      curve: "The curve ŷ = σ(wx + b) and the data: dots are the labels y, segments join them to each sample's ŷ",
      xAxis: "x (petal length, cm)",
      landscapeMse: "Sigmoid + MSE landscape", landscapeBce: "BCE landscape",
      arrow: "arrow: −gradient, same scale in both", position: "current position",
      noData: "Could not load the explorer's data.", lastStep: "Last step", none: "none yet",
      separableNote: "Separable data: the BCE keeps decreasing as w grows along the valley; there is no finite minimum, and gradient descent lets w grow forever.",
      overlapNote: "Overlapping classes: the BCE has a single, finite minimum.",
    },
  };
  var SVG = "http://www.w3.org/2000/svg";
  // The data file sits next to this script (assets/data/explorer.json) in both languages.
  var DATA_URL = new URL("data/explorer.json", (document.currentScript && document.currentScript.src) || location.href).href;
  // Landscape plots: a square of S units at (X0, Y0) in a 236 x 236 viewBox.
  var X0 = 34, Y0 = 6, S = 196, ARROW = 44, MIN_GRADIENT = 4;

  // --- math (mirrors lossbook.activations / lossbook.losses) -------------------------
  function sigmoid(z) {
    // Stable in both tails: never exponentiate a large positive number.
    if (z >= 0) { return 1 / (1 + Math.exp(-z)); }
    var e = Math.exp(z);
    return e / (1 + e);
  }
  function bceWithLogits(y, z) {
    // max(z, 0) - y z + log(1 + e^{-|z|}): exact for large |z|, no log(0).
    return Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
  }
  function evaluate(data, w, b) {
    var m = data.x.length, rows = [], mse = 0, bce = 0;
    var gMse = [0, 0], gBce = [0, 0];
    for (var i = 0; i < m; i++) {
      var x = data.x[i], y = data.y[i], z = w * x + b, p = sigmoid(z);
      // 1 - sigma(z) as sigma(-z), like lossbook: keeps its digits when p is close to 1.
      var se = (p - y) * (p - y), ce = bceWithLogits(y, z);
      var dMse = 2 * (p - y) * p * sigmoid(-z), dBce = p - y;
      rows.push({ x: x, y: y, p: p, mse: se, bce: ce });
      mse += se; bce += ce;
      gMse[0] += dMse; gMse[1] += dMse * x;
      gBce[0] += dBce; gBce[1] += dBce * x;
    }
    return {
      rows: rows, mse: mse / m, bce: bce / m,
      gradMse: [gMse[0] / m, gMse[1] / m], gradBce: [gBce[0] / m, gBce[1] / m],
    };
  }
  function sampleGrad(loss, x, y, w, b) {
    var z = w * x + b, p = sigmoid(z);
    var d = loss === "mse" ? 2 * (p - y) * p * sigmoid(-z) : p - y;
    return [d, d * x];
  }

  // --- helpers --------------------------------------------------------------------------
  function fmt(v, digits) {
    var s = v.toFixed(digits === undefined ? 4 : digits);
    if (/^-0\.?0*$/.test(s)) { s = s.slice(1); }
    return s.charAt(0) === "-" ? "−" + s.slice(1) : s;
  }
  function plain(v) { return fmt(v).replace("−", "-"); }  // for <input type=number>
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function parseNumber(text) {
    var s = String(text).trim().replace("−", "-").replace(",", ".");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) { return null; }
    var v = parseFloat(s);
    return isFinite(v) ? v : null;
  }
  function niceTicks(lo, hi, count) {
    var raw = (hi - lo) / count, mag = Math.pow(10, Math.floor(Math.log10(raw))), step = mag;
    [1, 2, 2.5, 5, 10].some(function (f) { step = f * mag; return step >= raw; });
    var ticks = [];
    for (var v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9; v += step) { ticks.push(Math.abs(v) < 1e-9 ? 0 : v); }
    return ticks;
  }
  function tickText(v) { return fmt(v, Math.abs(v - Math.round(v)) < 1e-9 ? 0 : 1); }

  // Marching squares: the segments where the bilinear interpolation of the grid f
  // (rows follow b, columns follow w) crosses the level; one SVG path per level.
  function contourPath(f, level, px, py) {
    var d = [], nb = f.length, nw = f[0].length;
    function cross(i0, j0, i1, j1) {
      var a = f[i0][j0], c = f[i1][j1], t = (level - a) / (c - a);
      return px(j0 + t * (j1 - j0)).toFixed(1) + " " + py(i0 + t * (i1 - i0)).toFixed(1);
    }
    for (var i = 0; i + 1 < nb; i++) {
      for (var j = 0; j + 1 < nw; j++) {
        // corners in order: (i, j), (i, j+1), (i+1, j+1), (i+1, j); edges between them
        var corners = [[i, j], [i, j + 1], [i + 1, j + 1], [i + 1, j]], pts = [];
        for (var k = 0; k < 4; k++) {
          var p = corners[k], q = corners[(k + 1) % 4];
          if ((f[p[0]][p[1]] > level) !== (f[q[0]][q[1]] > level)) { pts.push(cross(p[0], p[1], q[0], q[1])); }
        }
        for (var s = 0; s + 1 < pts.length; s += 2) { d.push("M" + pts[s] + "L" + pts[s + 1]); }
      }
    }
    return d.join("");
  }

  // --- the widget ------------------------------------------------------------------------
  function Explorer(root, all) {
    var lang = root.getAttribute("data-lang") === "en" ? "en" : "vi";
    var t = TEXT[lang];
    var uid = root.id || "lb-explorer";
    var keys = Object.keys(all.datasets);
    var state = { key: keys[0], w: 0, b: 0, lr: 0.01, loss: "bce", next: 0, last: null };

    function labelled(name, label, input, extra) {
      input.id = uid + "-" + name;
      input.name = name;
      return el("div", { class: "lb-ex-control" + (extra ? " " + extra : "") }, [el("label", { for: input.id, text: label }), input]);
    }
    function parameter(name, label) {
      // A number input (the value a reader types) and a slider for the same parameter.
      var num = el("input", { type: "number", step: "0.01", inputmode: "decimal" });
      var range = el("input", { type: "range", step: "0.01", "aria-label": label + " (" + t.slider + ")" });
      var wrap = labelled(name, label, num);
      range.id = uid + "-" + name + "-range";
      range.className = "lb-ex-range";
      wrap.appendChild(range);
      return { num: num, range: range, wrap: wrap };
    }

    var datasetSelect = el("select");
    keys.forEach(function (k) { datasetSelect.appendChild(el("option", { value: k, text: all.datasets[k].label[lang] })); });
    var separable = el("input", { type: "checkbox" });
    var separableWrap = el("div", { class: "lb-ex-control lb-ex-check lb-ex-wide" }, [separable, el("label", { text: t.separable })]);
    separable.id = uid + "-separable"; separable.name = "separable";
    separableWrap.lastChild.setAttribute("for", separable.id);
    var wCtl = parameter("w", t.w), bCtl = parameter("b", t.b);
    var lrNum = el("input", { type: "number", step: "0.001", min: "0", value: "0.01", inputmode: "decimal" });
    var lossSelect = el("select", {}, [
      el("option", { value: "bce", text: "BCE" }), el("option", { value: "mse", text: "sigmoid + MSE" }),
    ]);
    var sgdButton = el("button", { type: "button", class: "md-button", "data-action": "sgd", text: t.sgd });
    var batchButton = el("button", { type: "button", class: "md-button", "data-action": "batch", text: t.batch });
    var resetButton = el("button", { type: "button", class: "md-button", "data-action": "reset", text: t.reset });
    var stepInfo = el("p", { class: "lb-ex-step", role: "status" });
    var note = el("p", { class: "lb-ex-note" });
    var curve = svg("svg", { viewBox: "0 0 400 212", class: "lb-ex-curve", role: "img", "aria-label": t.curve });
    var scapes = {};

    root.textContent = "";
    root.appendChild(el("div", { class: "lb-ex-controls" }, [
      labelled("dataset", t.dataset, datasetSelect, "lb-ex-wide"), separableWrap,
      wCtl.wrap, bCtl.wrap,
      labelled("lr", t.lr, lrNum), labelled("loss", t.trainWith, lossSelect),
    ]));
    root.appendChild(el("div", { class: "lb-ex-buttons" }, [sgdButton, batchButton, resetButton]));
    root.appendChild(stepInfo);
    root.appendChild(note);

    // Means and gradients: built once, values updated in place.
    var summary = el("dl", { class: "lb-ex-summary" });
    var values = {};
    [["mse", t.mse + " (" + t.total + ")"], ["bce", t.bce + " (" + t.total + ")"],
     ["grad-mse", t.grad + ", MSE"], ["grad-bce", t.grad + ", BCE"]].forEach(function (row) {
      summary.appendChild(el("dt", { text: row[1] }));
      values[row[0]] = summary.appendChild(el("dd", { "data-value": row[0] }));
    });

    var figures = el("div", { class: "lb-ex-figures" }, [el("figure", { class: "lb-ex-curve-figure" }, [curve])]);
    ["mse", "bce"].forEach(function (loss) {
      var label = loss === "mse" ? t.landscapeMse : t.landscapeBce;
      var box = svg("svg", { viewBox: "0 0 236 236", class: "lb-ex-landscape", role: "img", "data-loss": loss });
      scapes[loss] = { svg: box, label: label, dynamic: null };
      figures.appendChild(el("figure", {}, [box, el("figcaption", { text: label + " (" + t.arrow + ")" })]));
    });
    root.appendChild(figures);
    root.appendChild(summary);
    var table = el("table", { class: "lb-ex-table" });
    root.appendChild(el("div", {
      class: "lb-ex-table-wrap", tabindex: "0", role: "region", "aria-label": t.perSample,
    }, [table]));

    function data() { return all.datasets[state.key]; }
    function grid() { return all.landscapes[state.key]; }
    function span(a) { return [a[0], a[a.length - 1]]; }

    function drawLandscape(loss) {
      var box = scapes[loss].svg, g = grid(), z = g[loss];
      var nb = g.b.length, nw = g.w.length;
      box.textContent = "";
      // Colour and contours on log(loss): both the plateaus and the bowl stay visible.
      var f = z.map(function (row) { return row.map(function (v) { return Math.log(v + 1e-3); }); });
      var lo = Infinity, hi = -Infinity;
      f.forEach(function (row) { row.forEach(function (v) { lo = Math.min(lo, v); hi = Math.max(hi, v); }); });
      var range = hi - lo || 1;
      function px(j) { return X0 + S * j / (nw - 1); }
      function py(i) { return Y0 + S - S * i / (nb - 1); }
      function colour(s) { return "hsl(" + Math.round(235 - 200 * s) + ", 65%, " + Math.round(18 + 70 * s) + "%)"; }
      // The colour map: one pixel per grid cell (mean of its corners), scaled up smoothly.
      var canvas = document.createElement("canvas");
      canvas.width = nw - 1; canvas.height = nb - 1;
      var ctx = canvas.getContext("2d");
      for (var i = 0; i + 1 < nb; i++) {
        for (var j = 0; j + 1 < nw; j++) {
          var s = ((f[i][j] + f[i][j + 1] + f[i + 1][j] + f[i + 1][j + 1]) / 4 - lo) / range;
          ctx.fillStyle = colour(s);
          ctx.fillRect(j, nb - 2 - i, 1, 1);  // canvas rows go down, b goes up
        }
      }
      var cells = svg("image", { class: "lb-ex-cells", x: X0, y: Y0, width: S, height: S, preserveAspectRatio: "none" });
      cells.setAttribute("href", canvas.toDataURL("image/png"));
      box.appendChild(cells);
      var lines = svg("g", { class: "lb-ex-contours" });
      for (var k = 1; k < 12; k++) {
        var level = lo + range * k / 12;
        lines.appendChild(svg("path", { d: contourPath(f, level, px, py), class: k / 12 < 0.45 ? "lb-ex-contour-light" : "lb-ex-contour-dark" }));
      }
      box.appendChild(lines);
      // Axes: w along the bottom, b along the left.
      var w = span(g.w), b = span(g.b), axes = svg("g", { class: "lb-ex-ticks" });
      axes.appendChild(svg("rect", { x: X0, y: Y0, width: S, height: S, class: "lb-ex-frame" }));
      niceTicks(w[0], w[1], 4).forEach(function (v) {
        var x = X0 + S * (v - w[0]) / (w[1] - w[0]);
        axes.appendChild(svg("line", { x1: x, y1: Y0 + S, x2: x, y2: Y0 + S + 4 }));
        axes.appendChild(svg("text", { x: x, y: Y0 + S + 14, "text-anchor": "middle" }, tickText(v)));
      });
      niceTicks(b[0], b[1], 4).forEach(function (v) {
        var y = Y0 + S - S * (v - b[0]) / (b[1] - b[0]);
        axes.appendChild(svg("line", { x1: X0 - 4, y1: y, x2: X0, y2: y }));
        axes.appendChild(svg("text", { x: X0 - 6, y: y + 3.5, "text-anchor": "end" }, tickText(v)));
      });
      axes.appendChild(svg("text", { x: X0 + S / 2, y: Y0 + S + 28, "text-anchor": "middle", class: "lb-ex-axis-title" }, "w"));
      axes.appendChild(svg("text", { x: 6, y: Y0 + S / 2, "text-anchor": "middle", class: "lb-ex-axis-title" }, "b"));
      box.appendChild(axes);
      scapes[loss].dynamic = box.appendChild(svg("g", { class: "lb-ex-dynamic" }));
    }

    // The current (w, b) on both landscapes, and the descent direction −∇L of each loss,
    // drawn with one common scale so the reader sees which gradient is bigger (the longer
    // one is ARROW units long).
    function placeMarkers(result) {
      var g = grid(), w = span(g.w), b = span(g.b);
      var sx = S / (w[1] - w[0]), sy = S / (b[1] - b[0]);
      var cx = X0 + sx * (state.w - w[0]), cy = Y0 + S - sy * (state.b - b[0]);
      var inside = cx >= X0 && cx <= X0 + S && cy >= Y0 && cy <= Y0 + S;
      cx = Math.max(X0, Math.min(X0 + S, cx)); cy = Math.max(Y0, Math.min(Y0 + S, cy));
      var arrows = {
        mse: [-result.gradMse[1] * sx, result.gradMse[0] * sy],
        bce: [-result.gradBce[1] * sx, result.gradBce[0] * sy],
      };
      var longest = Math.max(Math.hypot(arrows.mse[0], arrows.mse[1]), Math.hypot(arrows.bce[0], arrows.bce[1]));
      ["mse", "bce"].forEach(function (loss) {
        var layer = scapes[loss].dynamic, a = arrows[loss];
        layer.textContent = "";
        // Gradients shorter than MIN_GRADIENT (in plot units) are drawn to scale, so an
        // arrow shrinks to nothing near a minimum or on a plateau.
        var len = ARROW * Math.hypot(a[0], a[1]) / Math.max(longest, MIN_GRADIENT);
        if (inside && len >= 1.5) {
          var ux = a[0] / Math.hypot(a[0], a[1]), uy = a[1] / Math.hypot(a[0], a[1]);
          // From the marker's edge, so that a short arrow is not hidden under the marker.
          var sx0 = cx + ux * 6, sy0 = cy + uy * 6;
          var ex = sx0 + ux * len, ey = sy0 + uy * len, head = Math.min(7, len * 0.6);
          var d = "M" + sx0.toFixed(1) + " " + sy0.toFixed(1) + "L" + ex.toFixed(1) + " " + ey.toFixed(1) +
            "M" + (ex - ux * head - uy * head * 0.6).toFixed(1) + " " + (ey - uy * head + ux * head * 0.6).toFixed(1) +
            "L" + ex.toFixed(1) + " " + ey.toFixed(1) +
            "L" + (ex - ux * head + uy * head * 0.6).toFixed(1) + " " + (ey - uy * head - ux * head * 0.6).toFixed(1);
          layer.appendChild(svg("path", { d: d, class: "lb-ex-arrow-under" }));
          layer.appendChild(svg("path", { d: d, class: "lb-ex-arrow", "data-length": len.toFixed(2) }));
        }
        layer.appendChild(svg("circle", { class: "lb-ex-marker" + (inside ? "" : " lb-ex-outside"), r: 5, cx: cx.toFixed(1), cy: cy.toFixed(1) }));
        var grad = loss === "mse" ? result.gradMse : result.gradBce;
        scapes[loss].svg.setAttribute("aria-label", scapes[loss].label + ": " + t.position + " w = " + fmt(state.w) +
          ", b = " + fmt(state.b) + ", " + (loss === "mse" ? t.mse : t.bce) + " = " + fmt(loss === "mse" ? result.mse : result.bce) +
          ", ∇ = [" + fmt(grad[0]) + ", " + fmt(grad[1]) + "]");
      });
    }

    function drawCurve(result) {
      var xs = data().x, lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs), pad = (hi - lo) * 0.12 || 1;
      lo -= pad; hi += pad;
      function px(x) { return 34 + 352 * (x - lo) / (hi - lo); }
      function py(p) { return 176 - 164 * p; }
      curve.textContent = "";
      var axes = svg("g", { class: "lb-ex-ticks" });
      axes.appendChild(svg("line", { x1: 34, y1: 176, x2: 386, y2: 176 }));
      axes.appendChild(svg("line", { x1: 34, y1: 12, x2: 34, y2: 176 }));
      [0, 0.5, 1].forEach(function (p) {
        axes.appendChild(svg("line", { x1: 30, y1: py(p), x2: 34, y2: py(p) }));
        axes.appendChild(svg("text", { x: 28, y: py(p) + 3.5, "text-anchor": "end" }, fmt(p, p === 0.5 ? 1 : 0)));
      });
      niceTicks(lo, hi, 6).forEach(function (v) {
        axes.appendChild(svg("line", { x1: px(v), y1: 176, x2: px(v), y2: 180 }));
        axes.appendChild(svg("text", { x: px(v), y: 190, "text-anchor": "middle" }, tickText(v)));
      });
      axes.appendChild(svg("text", { x: 210, y: 206, "text-anchor": "middle", class: "lb-ex-axis-title" }, t.xAxis));
      axes.appendChild(svg("text", { x: 10, y: 94, "text-anchor": "middle", class: "lb-ex-axis-title" }, "ŷ"));
      curve.appendChild(axes);
      curve.appendChild(svg("line", { x1: 34, y1: py(0.5), x2: 386, y2: py(0.5), class: "lb-ex-threshold" }));
      var path = "";
      for (var k = 0; k <= 160; k++) {
        var x = lo + (hi - lo) * k / 160;
        path += (k ? "L" : "M") + px(x).toFixed(1) + " " + py(sigmoid(state.w * x + state.b)).toFixed(1);
      }
      result.rows.forEach(function (r) {
        curve.appendChild(svg("line", { x1: px(r.x), y1: py(r.y), x2: px(r.x), y2: py(r.p), class: "lb-ex-residual" }));
      });
      curve.appendChild(svg("path", { d: path, class: "lb-ex-sigmoid" }));
      result.rows.forEach(function (r) {
        curve.appendChild(svg("circle", { cx: px(r.x), cy: py(r.p), r: 2.5, class: "lb-ex-pred" }));
        curve.appendChild(svg("circle", { cx: px(r.x), cy: py(r.y), r: 4, class: r.y ? "lb-ex-one" : "lb-ex-zero" }));
      });
    }

    function drawTable(result) {
      // One scale for both bars: a confident mistake costs far more under BCE.
      var top = Math.max.apply(null, result.rows.map(function (r) { return Math.max(r.bce, r.mse); })) || 1;
      var next = state.next % result.rows.length;
      table.textContent = "";
      table.appendChild(el("caption", { text: t.perSample }));
      var head = el("tr", {}, [t.sample, t.x, t.y, t.yhat, t.mse, t.bce].map(function (h) { return el("th", { scope: "col", text: h }); }));
      table.appendChild(el("thead", {}, [head]));
      var body = el("tbody");
      function bar(v, cls) {
        var wrap = el("span", { class: "lb-ex-bar-cell" });
        var track = wrap.appendChild(el("span", { class: "lb-ex-track" }));
        track.appendChild(el("span", { class: "lb-ex-bar " + cls, style: "width:" + Math.min(100, 100 * v / top).toFixed(1) + "%" }));
        wrap.appendChild(el("span", { class: "lb-ex-num", text: fmt(v) }));
        return wrap;
      }
      result.rows.forEach(function (r, i) {
        var attrs = { "data-sample": String(i) };
        if (i === next) { attrs.class = "lb-ex-next"; attrs.title = t.next; }
        body.appendChild(el("tr", attrs, [
          el("td", { text: String(i + 1) }), el("td", { text: String(r.x) }), el("td", { text: String(r.y) }),
          el("td", { text: fmt(r.p) }), el("td", {}, [bar(r.mse, "lb-ex-bar-mse")]), el("td", {}, [bar(r.bce, "lb-ex-bar-bce")]),
        ]));
      });
      table.appendChild(body);
    }

    function drawSummary(result) {
      values.mse.textContent = fmt(result.mse);
      values.bce.textContent = fmt(result.bce);
      values["grad-mse"].textContent = "[" + fmt(result.gradMse[0]) + ", " + fmt(result.gradMse[1]) + "]";
      values["grad-bce"].textContent = "[" + fmt(result.gradBce[0]) + ", " + fmt(result.gradBce[1]) + "]";
    }

    function render(from) {
      if (from !== "range") { wCtl.range.value = state.w; bCtl.range.value = state.b; }
      if (from !== "number") { wCtl.num.value = plain(state.w); bCtl.num.value = plain(state.b); }
      var result = evaluate(data(), state.w, state.b);
      drawCurve(result); drawTable(result); drawSummary(result); placeMarkers(result);
      var d = data(), n = state.next % d.x.length;
      stepInfo.textContent = t.lastStep + ": " + (state.last || t.none) + " · " + t.next + ": " +
        t.x + " = " + d.x[n] + ", " + t.y + " = " + d.y[n];
    }

    function reset() {
      var d = data();
      state.w = d.start[0]; state.b = d.start[1]; state.next = 0; state.last = null;
      render();
    }

    function setDataset(key) {
      state.key = key;
      datasetSelect.value = key;
      separable.checked = !!data().separable;
      note.textContent = data().separable ? t.separableNote : t.overlapNote;
      var g = grid();
      [[wCtl.range, span(g.w)], [bCtl.range, span(g.b)]].forEach(function (pair) {
        pair[0].min = pair[1][0]; pair[0].max = pair[1][1];
      });
      root.setAttribute("data-dataset", key);
      drawLandscape("mse"); drawLandscape("bce"); reset();
    }

    [wCtl, bCtl].forEach(function (c, k) {
      c.range.addEventListener("input", function () {
        var v = parseNumber(c.range.value);
        if (v === null) { return; }
        if (k === 0) { state.w = v; } else { state.b = v; }
        render("range");
      });
      c.num.addEventListener("change", function () {
        var v = parseNumber(c.num.value);
        if (v === null) { render(); return; }  // not a number: show the current value again
        if (k === 0) { state.w = v; } else { state.b = v; }
        render("number");
      });
    });
    lrNum.addEventListener("change", function () {
      var v = parseNumber(lrNum.value);
      if (v !== null && v >= 0) { state.lr = v; } else { lrNum.value = state.lr; }
    });
    lossSelect.addEventListener("change", function () { state.loss = lossSelect.value; });
    datasetSelect.addEventListener("change", function () { setDataset(datasetSelect.value); });
    separable.addEventListener("change", function () {
      var d = data();
      if (!!d.separable !== separable.checked && d.pair && all.datasets[d.pair]) { setDataset(d.pair); }
      separable.checked = !!data().separable;
    });
    sgdButton.addEventListener("click", function () {
      var d = data(), i = state.next % d.x.length;
      var g = sampleGrad(state.loss, d.x[i], d.y[i], state.w, state.b);
      state.b -= state.lr * g[0]; state.w -= state.lr * g[1];
      state.next = i + 1;
      state.last = t.sgd + " (" + t.x + " = " + d.x[i] + ", " + t.y + " = " + d.y[i] + "): ∇ = [" + fmt(g[0]) + ", " + fmt(g[1]) + "]";
      render();
    });
    batchButton.addEventListener("click", function () {
      var r = evaluate(data(), state.w, state.b), g = state.loss === "mse" ? r.gradMse : r.gradBce;
      state.b -= state.lr * g[0]; state.w -= state.lr * g[1];
      state.last = t.batch + ": ∇ = [" + fmt(g[0]) + ", " + fmt(g[1]) + "]";
      render();
    });
    resetButton.addEventListener("click", reset);

    setDataset(state.key);
  }

  function init() {
    var roots = document.querySelectorAll(".lb-explorer");
    if (!roots.length) { return; }
    // The widget (its data and a few thousand SVG nodes) is built when the reader nears
    // it, not while the page's text is first laid out.
    if (!("IntersectionObserver" in window)) { start(roots); return; }
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { observer.disconnect(); start(roots); }
    }, { rootMargin: "600px 0px" });
    roots.forEach(function (root) { observer.observe(root); });
  }
  function start(roots) {
    fetch(DATA_URL).then(function (r) {
      if (!r.ok) { throw new Error(r.status + " " + DATA_URL); }
      return r.json();
    }).then(function (all) {
      roots.forEach(function (root) {
        Explorer(root, all);
        root.setAttribute("data-ready", "true");
      });
    }).catch(function (err) {
      roots.forEach(function (root) {
        root.textContent = TEXT[root.getAttribute("data-lang") === "en" ? "en" : "vi"].noData;
        root.setAttribute("data-ready", "error");
      });
      if (window.console) { console.error("lossbook explorer:", err); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  window.lossbookExplorer = { sigmoid: sigmoid, bceWithLogits: bceWithLogits, evaluate: evaluate };
})();
