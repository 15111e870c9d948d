// Loss explorer: train sigmoid+MSE and BCE from the same start, side by side.
//
// Plain JavaScript + SVG, no framework, nothing from another host. The data (data sets,
// presets, reference values) are exported at build time by lossbook.explorer
// (assets/data/explorer.json); the landscapes are computed here, so that the reader may
// edit the data. The math below mirrors lossbook.losses and lossbook.optim; the browser
// tests (tests/site/test_explorer_widget.py) compare what the widget displays with
// lossbook's values, to 4 decimals.
//
// Markup hooks the tests rely on: .lb-explorer[data-ready=true] once built; select
// [name=preset|mode|speed|tool]; number inputs named w, b, lr (the start and η); buttons
// [data-action=step-1|step-10|step-100|play|reset]; per run, [data-run=mse|bce]
// [data-value=steps|w|b|mse|bce|grad]; .lb-ex-data (the data plot) and .lb-ex-landscape
// (both focusable, driven by click or keys).
(function () {
  "use strict";

  var TEXT = {
    vi: {
      preset: "Tình huống", w: "w ban đầu (trọng số)", b: "b ban đầu (bias, hệ số chặn)",
      slider: "thanh trượt", lr: "η (tốc độ học)", mode: "Cách cập nhật",
      batch: "toàn bộ dữ liệu (full-batch)", sgd: "từng mẫu một (SGD)",
      speed: "Tốc độ khi chạy liên tục", perSecond: " bước/giây",
      step: function (n) { return n === 1 ? "1 bước" : n + " bước"; },
      play: "Chạy liên tục", pause: "Tạm dừng", reset: "Về điểm xuất phát",
      runMse: "Lần chạy sigmoid + MSE", runBce: "Lần chạy BCE", steps: "Số bước",
      grad: "Gradient của {loss} [∂/∂b, ∂/∂w]",
      tool: "Nhấp vào đồ thị dữ liệu để", add: "thêm một điểm", flip: "đổi nhãn điểm gần nhất",
      remove: "xoá điểm gần nhất",
      data: "Dữ liệu và hai đường ŷ = σ(wx + b) của hai lần chạy (nét đứt: sigmoid + MSE, nét liền: BCE). Con trỏ tại x = ",
      label: "nhãn", dataSet: "Dữ liệu: ", edited: " (đã sửa: {n} điểm)",
      help: "Đồ thị dữ liệu: nhấp để thêm điểm (nửa trên: nhãn 1, nửa dưới: nhãn 0) hoặc đổi nhãn / xoá điểm theo lựa chọn ở trên. Bàn phím: ←/→ di chuyển con trỏ, ↑/↓ chọn nhãn, Enter thực hiện; phím 0 hoặc 1 thêm điểm, Delete xoá và F đổi nhãn điểm gần con trỏ nhất. Bề mặt mất mát: nhấp hoặc dùng phím mũi tên để đặt điểm xuất phát (giữ Shift: bước lớn hơn).",
      xAxis: "x (chiều dài cánh hoa, cm)", stepAxis: "bước",
      lossPlot: "Mất mát của mỗi lần chạy theo số bước (thang log): nét đứt sigmoid + MSE, nét liền BCE",
      landscapeMse: "Bề mặt sigmoid + MSE", landscapeBce: "Bề mặt BCE",
      paths: "đường đi của hai lần chạy: nét đứt sigmoid + MSE, nét liền BCE",
      startAt: "điểm xuất phát", ends: "điểm hiện tại",
      perSample: "Mất mát của từng mẫu (mẫu thứ i)", next: "mẫu tiếp theo (SGD)",
      noData: "Không tải được dữ liệu của công cụ.",
      separableNote: "Dữ liệu hiện tại tách được: BCE không có điểm cực tiểu hữu hạn, w lớn mãi.",
      overlapNote: "Dữ liệu hiện tại có hai lớp chồng lấn: BCE có đúng một điểm cực tiểu hữu hạn.",
      oneClass: "Dữ liệu hiện tại chỉ có một lớp.",
      summary: function (s) {
        return "Sau " + s.steps + " bước (" + s.mode + ", η = " + s.lr + "): sigmoid + MSE ở w = " + s.mse.w +
          ", b = " + s.mse.b + ", MSE = " + s.mse.loss + "; BCE ở w = " + s.bce.w + ", b = " + s.bce.b +
          ", BCE = " + s.bce.loss + ".";
      },
    },
    en: {
      preset: "Situation", w: "Start w (weight)", b: "Start b (bias)",
      slider: "slider", lr: "η (learning rate)", mode: "Updates",
      batch: "full batch", sgd: "one sample at a time (SGD)",
      speed: "Speed of Play", perSecond: " steps/s",
      step: function (n) { return n === 1 ? "1 step" : n + " steps"; },
      play: "Play", pause: "Pause", reset: "Back to the start",
      runMse: "Sigmoid + MSE run", runBce: "BCE run", steps: "Steps",
      grad: "Gradient of its {loss} [∂/∂b, ∂/∂w]",
      tool: "Clicking the data plot will", add: "add a point", flip: "flip the nearest label",
      remove: "remove the nearest point",
      data: "The data and both runs' curves ŷ = σ(wx + b) (dashed: sigmoid + MSE, solid: BCE). Cursor at x = ",
      label: "label", dataSet: "Data: ", edited: " (edited: {n} points)",
      help: "Data plot: click to add a point (upper half: label 1, lower half: label 0), or to flip / remove one, as chosen above. Keys: ←/→ move the cursor, ↑/↓ choose the label, Enter applies; 0 or 1 adds a point, Delete removes and F flips the point nearest the cursor. Landscapes: click or use the arrow keys to set the start (Shift: bigger steps).",
      xAxis: "x (petal length, cm)", stepAxis: "step",
      lossPlot: "Each run's loss against the step (log scale): dashed sigmoid + MSE, solid BCE",
      landscapeMse: "Sigmoid + MSE landscape", landscapeBce: "BCE landscape",
      paths: "the two runs' paths: dashed sigmoid + MSE, solid BCE",
      startAt: "start", ends: "now",
      perSample: "Loss of each sample (sample i)", next: "next sample (SGD)",
      noData: "Could not load the explorer's data.",
      separableNote: "The data are now separable: the BCE has no finite minimum, and w grows forever.",
      overlapNote: "The classes now overlap: the BCE has a single, finite minimum.",
      oneClass: "The data now have a single class.",
      summary: function (s) {
        return "After " + s.steps + " steps (" + s.mode + ", η = " + s.lr + "): sigmoid + MSE at w = " + s.mse.w +
          ", b = " + s.mse.b + ", MSE = " + s.mse.loss + "; BCE at w = " + s.bce.w + ", b = " + s.bce.b +
          ", BCE = " + s.bce.loss + ".";
      },
    },
  };
  var SVG = "http://www.w3.org/2000/svg";
  // The data file sits next to this script (assets/data/explorer.json) in both languages.
  var DATA_URL = new URL("data/explorer.json", (document.currentScript && document.currentScript.src) || location.href).href;
  // Landscape plots: a square of S units at (X0, Y0) in a 236 x 236 viewBox.
  var X0 = 34, Y0 = 6, S = 196;
  // The data plot: x from CX0 to CX1, ŷ = 1 at CY1 and 0 at CY0, in a 400 x 212 viewBox.
  var CX0 = 34, CX1 = 386, CY0 = 176, CY1 = 12;
  var LOSSES = ["mse", "bce"];
  // Paths and loss curves keep at most this many drawn points (a long Play stays cheap).
  var MAX_DRAWN = 600;
  var MAX_POINTS = 500;

  // --- math (mirrors lossbook.activations / lossbook.losses / lossbook.optim) ---------------
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
  // d loss / dz for one sample: BCE ŷ - y; sigmoid+MSE 2 (ŷ - y) ŷ (1 - ŷ), with 1 - ŷ
  // computed as σ(-z) so that it keeps its digits when ŷ is close to 1 (as lossbook).
  function dLoss(loss, y, z, p) { return loss === "mse" ? 2 * (p - y) * p * sigmoid(-z) : p - y; }
  // Mean losses and gradients [∂/∂b, ∂/∂w] over the data at (w, b), and per-sample values.
  function evaluate(data, w, b, rows) {
    var m = data.x.length, mse = 0, bce = 0, gMse = [0, 0], gBce = [0, 0];
    for (var i = 0; i < m; i++) {
      var x = data.x[i], y = data.y[i], z = w * x + b, p = sigmoid(z);
      var se = (p - y) * (p - y), ce = bceWithLogits(y, z), dm = dLoss("mse", y, z, p), dc = p - y;
      if (rows) { rows.push({ p: p, mse: se, bce: ce }); }
      mse += se; bce += ce;
      gMse[0] += dm; gMse[1] += dm * x; gBce[0] += dc; gBce[1] += dc * x;
    }
    return { rows: rows, mse: mse / m, bce: bce / m, gradMse: [gMse[0] / m, gMse[1] / m], gradBce: [gBce[0] / m, gBce[1] / m] };
  }
  // One gradient step of a run on its own loss: the mean gradient (full batch) or the
  // gradient of sample i alone (SGD), θ ← θ − η ∇.
  function step(run, data, lr, sample) {
    var g0 = 0, g1 = 0, m = data.x.length, lo = sample === null ? 0 : sample, hi = sample === null ? m : sample + 1;
    for (var i = lo; i < hi; i++) {
      var x = data.x[i], z = run.w * x + run.b, d = dLoss(run.loss, data.y[i], z, sigmoid(z));
      g0 += d; g1 += d * x;
    }
    run.b -= lr * g0 / (hi - lo); run.w -= lr * g1 / (hi - lo);
  }
  // The mean loss over a (w, b) grid: rows follow b, columns follow w (lossbook.loss_landscape).
  function landscape(data, ws, bs, loss) {
    var m = data.x.length, out = [];
    for (var i = 0; i < bs.length; i++) {
      var row = new Float64Array(ws.length);
      for (var j = 0; j < ws.length; j++) {
        var s = 0;
        for (var k = 0; k < m; k++) {
          var z = ws[j] * data.x[k] + bs[i], y = data.y[k];
          if (loss === "bce") { s += bceWithLogits(y, z); } else { var p = sigmoid(z) - y; s += p * p; }
        }
        row[j] = s / m;
      }
      out.push(row);
    }
    return out;
  }
  function linspace(lo, hi, n) {
    var out = [];
    for (var i = 0; i < n; i++) { out.push(lo + (hi - lo) * i / (n - 1)); }
    return out;
  }
  function separability(data) {
    var max0 = -Infinity, min0 = Infinity, max1 = -Infinity, min1 = Infinity;
    data.x.forEach(function (x, i) {
      if (data.y[i]) { max1 = Math.max(max1, x); min1 = Math.min(min1, x); } else { max0 = Math.max(max0, x); min0 = Math.min(min0, x); }
    });
    if (max0 === -Infinity || max1 === -Infinity) { return "one"; }
    return max0 < min1 || max1 < min0 ? "separable" : "overlap";
  }

  // --- helpers --------------------------------------------------------------------------
  // As lossbook.text.fmt: fixed decimals, a true minus sign, never a negative zero.
  function fmt(v, digits) {
    if (!isFinite(v)) { return isNaN(v) ? "NaN" : (v > 0 ? "∞" : "−∞"); }
    // (Only a run sent off by an absurd learning rate gets here: keep it short.)
    var s = Math.abs(v) >= 1e9 ? v.toExponential(3) : v.toFixed(digits === undefined ? 4 : digits);
    if (/^-0\.?0*$/.test(s)) { s = s.slice(1); }
    return s.charAt(0) === "-" ? "−" + s.slice(1) : s;
  }
  function plain(v) { return fmt(v).replace("−", "-"); }  // for <input type=number>
  function short(v) { return String(+v.toFixed(4)).replace("-", "−"); }
  // Text replaced in place (a text node's value), not by a new node.
  function setText(node, text) {
    if (node.firstChild && node.firstChild.nodeType === 3 && !node.firstChild.nextSibling) {
      if (node.firstChild.nodeValue !== text) { node.firstChild.nodeValue = text; }
    } else { node.textContent = text; }
  }
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
    var raw = (hi - lo) / count, mag = Math.pow(10, Math.floor(Math.log10(raw))), stepSize = mag;
    [1, 2, 2.5, 5, 10].some(function (f) { stepSize = f * mag; return stepSize >= raw; });
    var ticks = [];
    for (var v = Math.ceil(lo / stepSize - 1e-9) * stepSize; v <= hi + 1e-9; v += stepSize) { ticks.push(Math.abs(v) < 1e-9 ? 0 : v); }
    return ticks;
  }
  function tickText(v) { return fmt(v, Math.abs(v - Math.round(v)) < 1e-9 ? 0 : 1); }
  // At most MAX_DRAWN points of a long list, the first and the last always kept.
  function thin(n) {
    var every = Math.max(1, Math.ceil(n / MAX_DRAWN)), idx = [];
    for (var i = 0; i < n; i += every) { idx.push(i); }
    if (idx[idx.length - 1] !== n - 1) { idx.push(n - 1); }
    return idx;
  }

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
  function colour(s) { return "hsl(" + Math.round(235 - 200 * s) + ", 65%, " + Math.round(18 + 70 * s) + "%)"; }

  // --- the widget ------------------------------------------------------------------------
  function Explorer(root, all) {
    var lang = root.getAttribute("data-lang") === "en" ? "en" : "vi";
    var t = TEXT[lang];
    var uid = root.id || "lb-explorer";
    var presetKeys = Object.keys(all.presets);
    var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)");
    var state = {
      preset: presetKeys[0], data: null, w0: 0, b0: 0, lr: 0.5, mode: "batch", speed: 60,
      steps: 0, runs: {}, grids: null, window: null, cursor: { x: 0, y: 1 }, playing: false,
    };

    // --- controls ---
    function labelled(name, label, input, extra) {
      input.id = uid + "-" + name;
      input.name = name;
      return el("div", { class: "lb-ex-control" + (extra ? " " + extra : "") }, [el("label", { for: input.id, text: label }), input]);
    }
    function options(pairs) { return pairs.map(function (p) { return el("option", { value: p[0], text: p[1] }); }); }
    function parameter(name, label) {
      var num = el("input", { type: "number", step: "0.01", inputmode: "decimal" });
      var range = el("input", { type: "range", step: "0.01", "aria-label": label + " (" + t.slider + ")" });
      var wrap = labelled(name, label, num);
      range.id = uid + "-" + name + "-range";
      range.className = "lb-ex-range";
      wrap.appendChild(range);
      return { num: num, range: range, wrap: wrap };
    }
    function button(action, text) { return el("button", { type: "button", class: "md-button", "data-action": action, text: text }); }

    var presetSelect = el("select", {}, options(presetKeys.map(function (k) { return [k, all.presets[k].label[lang]]; })));
    var wCtl = parameter("w", t.w), bCtl = parameter("b", t.b);
    var lrNum = el("input", { type: "number", step: "0.01", min: "0", inputmode: "decimal" });
    var modeSelect = el("select", {}, options([["batch", t.batch], ["sgd", t.sgd]]));
    var speedSelect = el("select", {}, options([10, 60, 600].map(function (v) { return [String(v), v + t.perSecond]; })));
    speedSelect.value = "60";
    var toolSelect = el("select", {}, options([["add", t.add], ["flip", t.flip], ["remove", t.remove]]));
    var stepButtons = [1, 10, 100].map(function (n) { return button("step-" + n, t.step(n)); });
    var playButton = button("play", t.play);
    playButton.setAttribute("aria-pressed", "false");
    var resetButton = button("reset", t.reset);
    var story = el("p", { class: "lb-ex-note" });
    var note = el("p", { class: "lb-ex-note" });
    var live = el("p", { class: "lb-ex-live", role: "status", "aria-live": "polite" });

    root.textContent = "";
    root.appendChild(el("div", { class: "lb-ex-controls" }, [
      labelled("preset", t.preset, presetSelect, "lb-ex-wide"), wCtl.wrap, bCtl.wrap,
      labelled("lr", t.lr, lrNum), labelled("mode", t.mode, modeSelect), labelled("speed", t.speed, speedSelect),
    ]));
    root.appendChild(el("div", { class: "lb-ex-buttons" }, stepButtons.concat([playButton, resetButton])));
    root.appendChild(story);
    root.appendChild(live);

    // --- the two runs: values updated in place ---
    var runBoxes = el("div", { class: "lb-ex-runs" });
    var cells = {};
    LOSSES.forEach(function (loss) {
      var dl = el("dl", {}), box = el("section", { class: "lb-ex-run lb-ex-run-" + loss, "data-run": loss }, [
        el("h4", { text: loss === "mse" ? t.runMse : t.runBce }), dl]);
      cells[loss] = {};
      [["steps", t.steps], ["w", "w"], ["b", "b"], ["mse", "MSE"], ["bce", "BCE"], ["grad", t.grad.replace("{loss}", loss.toUpperCase())]].forEach(function (row) {
        dl.appendChild(el("dt", { text: row[1] }));
        cells[loss][row[0]] = dl.appendChild(el("dd", { "data-value": row[0] }));
      });
      runBoxes.appendChild(box);
    });
    root.appendChild(runBoxes);

    // --- figures ---
    var helpId = uid + "-help";
    var dataPlot = svg("svg", { viewBox: "0 0 400 212", class: "lb-ex-curve lb-ex-data", role: "application", tabindex: "0", "aria-describedby": helpId });
    var lossPlot = svg("svg", { viewBox: "0 0 400 170", class: "lb-ex-lossplot", role: "img", "aria-label": t.lossPlot });
    var lossCaption = el("figcaption", { text: t.lossPlot });
    var dataCaption = el("figcaption");
    var figures = el("div", { class: "lb-ex-figures" }, [
      el("figure", { class: "lb-ex-wide-figure" }, [dataPlot, dataCaption,
        el("div", { class: "lb-ex-controls lb-ex-tool" }, [labelled("tool", t.tool, toolSelect)]),
        el("p", { class: "lb-ex-help", id: helpId, text: t.help }), note]),
    ]);
    var scapes = {};
    LOSSES.forEach(function (loss) {
      var label = loss === "mse" ? t.landscapeMse : t.landscapeBce;
      // Two stacked SVGs: the map (redrawn when the data change) under the paths and
      // markers (redrawn at every step), which the browser paints as a layer of its own.
      var base = svg("svg", { viewBox: "0 0 236 236", class: "lb-ex-map", "aria-hidden": "true" });
      var box = svg("svg", { viewBox: "0 0 236 236", class: "lb-ex-landscape", role: "application", tabindex: "0", "data-loss": loss, "aria-describedby": helpId });
      scapes[loss] = { base: base, svg: box, label: label, layer: null };
      figures.appendChild(el("figure", {}, [el("div", { class: "lb-ex-stack" }, [base, box]), el("figcaption", { text: label + " (" + t.paths + ")" })]));
    });
    figures.appendChild(el("figure", { class: "lb-ex-wide-figure" }, [lossPlot, lossCaption]));
    root.appendChild(figures);
    var table = el("table", { class: "lb-ex-table" });
    var tableWrap = root.appendChild(el("div", { class: "lb-ex-table-wrap", tabindex: "0", role: "region", "aria-label": t.perSample }, [table]));
    tableWrap.addEventListener("scroll", writeRows, { passive: true });

    // --- state changes ---
    function newRun(loss) { return { loss: loss, w: state.w0, b: state.b0, path: [[state.w0, state.b0]], curve: [] }; }
    function resetRuns() {
      state.steps = 0;
      LOSSES.forEach(function (loss) { state.runs[loss] = newRun(loss); });
      LOSSES.forEach(function (loss) { var r = state.runs[loss]; r.curve.push(ownLoss(r)); });
    }
    function ownLoss(run) { var e = evaluate(state.data, run.w, run.b); return run.loss === "mse" ? e.mse : e.bce; }
    function advance(n) {
      var m = state.data.x.length;
      for (var k = 0; k < n; k++) {
        var sample = state.mode === "sgd" ? state.steps % m : null;
        LOSSES.forEach(function (loss) {
          var r = state.runs[loss], w = r.w, b = r.b;
          step(r, state.data, state.lr, sample);
          // A learning rate far too large can overflow: the run then stays where it was.
          if (!isFinite(r.w) || !isFinite(r.b)) { r.w = w; r.b = b; }
          r.path.push([r.w, r.b]);
          r.curve.push(ownLoss(r));
        });
        state.steps += 1;
      }
    }
    function setStart(w, b, from) {
      state.w0 = w; state.b0 = b;
      stop();
      resetRuns();
      render(from);
    }
    function loadPreset(key) {
      var p = all.presets[key], d = all.datasets[p.dataset];
      stop();
      state.preset = key;
      presetSelect.value = key;
      state.data = { x: d.x.slice(), y: d.y.slice() };
      state.window = { w: p.w_range.slice(), b: p.b_range.slice() };
      var lo = Math.min.apply(null, d.x), hi = Math.max.apply(null, d.x), pad = Math.max((hi - lo) * 0.15, 0.5);
      state.xRange = [Math.max(0, Math.floor((lo - pad) * 2) / 2), Math.ceil((hi + pad) * 2) / 2];
      state.cursor = { x: (state.xRange[0] + state.xRange[1]) / 2, y: 1 };
      state.lr = p.lr;
      lrNum.value = String(p.lr);
      story.textContent = p.story[lang];
      [[wCtl.range, state.window.w], [bCtl.range, state.window.b]].forEach(function (pair) {
        pair[0].min = pair[1][0]; pair[0].max = pair[1][1];
      });
      root.setAttribute("data-preset", key);
      state.w0 = p.start[0]; state.b0 = p.start[1];
      dataCaption.textContent = t.dataSet + d.label[lang];
      dataChanged();
    }
    function dataChanged() {
      stop();
      computeLandscapes();
      buildTable();
      buildData();
      var kind = separability(state.data);
      note.textContent = kind === "one" ? t.oneClass : kind === "separable" ? t.separableNote : t.overlapNote;
      resetRuns();
      render();
    }

    // --- landscapes ---
    function computeLandscapes() {
      var n = all.grid_size, ws = linspace(state.window.w[0], state.window.w[1], n), bs = linspace(state.window.b[0], state.window.b[1], n);
      state.grids = { w: ws, b: bs, mse: landscape(state.data, ws, bs, "mse"), bce: landscape(state.data, ws, bs, "bce") };
      LOSSES.forEach(drawLandscape);
    }
    function toPlot(w, b) {
      var W = state.window.w, B = state.window.b;
      return [X0 + S * (w - W[0]) / (W[1] - W[0]), Y0 + S - S * (b - B[0]) / (B[1] - B[0])];
    }
    function drawLandscape(loss) {
      var box = scapes[loss].base, z = state.grids[loss], nb = z.length, nw = z[0].length;
      box.textContent = "";
      scapes[loss].svg.textContent = "";
      // Colour and contours on log(loss): both the plateaus and the bowl stay visible.
      var f = [], lo = Infinity, hi = -Infinity;
      for (var i = 0; i < nb; i++) {
        var row = new Float64Array(nw);
        for (var j = 0; j < nw; j++) { row[j] = Math.log(z[i][j] + 1e-3); lo = Math.min(lo, row[j]); hi = Math.max(hi, row[j]); }
        f.push(row);
      }
      var range = hi - lo || 1;
      function px(j) { return X0 + S * j / (nw - 1); }
      function py(i) { return Y0 + S - S * i / (nb - 1); }
      // The colour map: one pixel per grid cell (mean of its corners), scaled up smoothly.
      var canvas = document.createElement("canvas");
      canvas.width = nw - 1; canvas.height = nb - 1;
      var ctx = canvas.getContext("2d");
      for (i = 0; i + 1 < nb; i++) {
        for (j = 0; j + 1 < nw; j++) {
          ctx.fillStyle = colour(((f[i][j] + f[i][j + 1] + f[i + 1][j] + f[i + 1][j + 1]) / 4 - lo) / range);
          ctx.fillRect(j, nb - 2 - i, 1, 1);  // canvas rows go down, b goes up
        }
      }
      var image = svg("image", { class: "lb-ex-cells", x: X0, y: Y0, width: S, height: S, preserveAspectRatio: "none" });
      image.setAttribute("href", canvas.toDataURL("image/png"));
      box.appendChild(image);
      var lines = svg("g", { class: "lb-ex-contours" });
      for (var k = 1; k < 12; k++) {
        lines.appendChild(svg("path", { d: contourPath(f, lo + range * k / 12, px, py), class: k / 12 < 0.45 ? "lb-ex-contour-light" : "lb-ex-contour-dark" }));
      }
      box.appendChild(lines);
      var W = state.window.w, B = state.window.b, axes = svg("g", { class: "lb-ex-ticks" });
      axes.appendChild(svg("rect", { x: X0, y: Y0, width: S, height: S, class: "lb-ex-frame" }));
      niceTicks(W[0], W[1], 4).forEach(function (v) {
        var x = toPlot(v, B[0])[0];
        axes.appendChild(svg("line", { x1: x, y1: Y0 + S, x2: x, y2: Y0 + S + 4 }));
        axes.appendChild(svg("text", { x: x, y: Y0 + S + 14, "text-anchor": "middle" }, tickText(v)));
      });
      niceTicks(B[0], B[1], 4).forEach(function (v) {
        var y = toPlot(W[0], v)[1];
        axes.appendChild(svg("line", { x1: X0 - 4, y1: y, x2: X0, y2: y }));
        axes.appendChild(svg("text", { x: X0 - 6, y: y + 3.5, "text-anchor": "end" }, tickText(v)));
      });
      axes.appendChild(svg("text", { x: X0 + S / 2, y: Y0 + S + 28, "text-anchor": "middle", class: "lb-ex-axis-title" }, "w"));
      axes.appendChild(svg("text", { x: 6, y: Y0 + S / 2, "text-anchor": "middle", class: "lb-ex-axis-title" }, "b"));
      box.appendChild(axes);
      // The dynamic layer: both runs' paths (dark halo under a coloured line) and markers.
      var layer = svg("g", { class: "lb-ex-dynamic" }), parts = {};
      LOSSES.forEach(function (run) {
        parts[run] = {
          under: layer.appendChild(svg("path", { class: "lb-ex-path-under" })),
          path: layer.appendChild(svg("path", { class: "lb-ex-path lb-ex-path-" + run })),
          mark: layer.appendChild(svg(run === "mse" ? "rect" : "circle", run === "mse"
            ? { class: "lb-ex-mark lb-ex-mark-" + run, width: 9, height: 9 } : { class: "lb-ex-mark lb-ex-mark-" + run, r: 5 })),
        };
      });
      parts.start = layer.appendChild(svg("path", { class: "lb-ex-start" }));
      scapes[loss].layer = parts;
      scapes[loss].svg.appendChild(layer);
    }
    function clampPlot(p) { return [Math.max(X0, Math.min(X0 + S, p[0])), Math.max(Y0, Math.min(Y0 + S, p[1]))]; }
    function drawPaths() {
      var s0 = clampPlot(toPlot(state.w0, state.b0));
      LOSSES.forEach(function (loss) {
        var parts = scapes[loss].layer;
        LOSSES.forEach(function (run) {
          var r = state.runs[run], d = "", idx = thin(r.path.length);
          idx.forEach(function (i, k) { var q = clampPlot(toPlot(r.path[i][0], r.path[i][1])); d += (k ? "L" : "M") + q[0].toFixed(1) + " " + q[1].toFixed(1); });
          parts[run].under.setAttribute("d", d); parts[run].path.setAttribute("d", d);
          var q = clampPlot(toPlot(r.w, r.b));
          if (run === "mse") { parts[run].mark.setAttribute("x", (q[0] - 4.5).toFixed(1)); parts[run].mark.setAttribute("y", (q[1] - 4.5).toFixed(1)); } else { parts[run].mark.setAttribute("cx", q[0].toFixed(1)); parts[run].mark.setAttribute("cy", q[1].toFixed(1)); }
        });
        parts.start.setAttribute("d", "M" + (s0[0] - 5) + " " + s0[1] + "h10M" + s0[0] + " " + (s0[1] - 5) + "v10");
        var e = evaluate(state.data, state.w0, state.b0), own = state.runs[loss];
        scapes[loss].svg.setAttribute("aria-label", scapes[loss].label + ". " + t.startAt + ": w = " + fmt(state.w0) + ", b = " + fmt(state.b0) +
          ", " + loss.toUpperCase() + " = " + fmt(loss === "mse" ? e.mse : e.bce) + "; " + t.ends + " (" + (loss === "mse" ? t.runMse : t.runBce) +
          "): w = " + fmt(own.w) + ", b = " + fmt(own.b) + ".");
      });
    }

    // --- the data plot ---
    function dataX(x) { return CX0 + (CX1 - CX0) * (x - state.xRange[0]) / (state.xRange[1] - state.xRange[0]); }
    function dataY(p) { return CY0 - (CY0 - CY1) * p; }
    // Built when the data change; drawData then only moves what a step or a slider moves
    // (attributes, not nodes: page scripts watching the DOM for new nodes stay idle).
    var dataParts = null;
    function buildData() {
      var lo = state.xRange[0], hi = state.xRange[1];
      dataPlot.textContent = "";
      var axes = svg("g", { class: "lb-ex-ticks" });
      axes.appendChild(svg("line", { x1: CX0, y1: CY0, x2: CX1, y2: CY0 }));
      axes.appendChild(svg("line", { x1: CX0, y1: CY1, x2: CX0, y2: CY0 }));
      [0, 0.5, 1].forEach(function (p) {
        axes.appendChild(svg("line", { x1: CX0 - 4, y1: dataY(p), x2: CX0, y2: dataY(p) }));
        axes.appendChild(svg("text", { x: CX0 - 6, y: dataY(p) + 3.5, "text-anchor": "end" }, fmt(p, p === 0.5 ? 1 : 0)));
      });
      niceTicks(lo, hi, 6).forEach(function (v) {
        axes.appendChild(svg("line", { x1: dataX(v), y1: CY0, x2: dataX(v), y2: CY0 + 4 }));
        axes.appendChild(svg("text", { x: dataX(v), y: CY0 + 14, "text-anchor": "middle" }, tickText(v)));
      });
      axes.appendChild(svg("text", { x: 210, y: 206, "text-anchor": "middle", class: "lb-ex-axis-title" }, t.xAxis));
      axes.appendChild(svg("text", { x: CX0 + 6, y: CY1 + 4, class: "lb-ex-axis-title" }, "ŷ"));
      dataPlot.appendChild(axes);
      dataPlot.appendChild(svg("line", { x1: CX0, y1: dataY(0.5), x2: CX1, y2: dataY(0.5), class: "lb-ex-threshold" }));
      dataParts = { curves: {}, dots: [], next: -1 };
      LOSSES.forEach(function (run) { dataParts.curves[run] = dataPlot.appendChild(svg("path", { class: "lb-ex-sigmoid lb-ex-sigmoid-" + run })); });
      state.data.x.forEach(function (x, i) {
        dataParts.dots.push(dataPlot.appendChild(svg("circle", { cx: dataX(x).toFixed(1), cy: dataY(state.data.y[i]), r: 4, class: state.data.y[i] ? "lb-ex-one" : "lb-ex-zero" })));
      });
      dataParts.cursor = dataPlot.appendChild(svg("path", { class: "lb-ex-cursor" }));
    }
    function drawData() {
      var lo = state.xRange[0], hi = state.xRange[1];
      LOSSES.forEach(function (run) {
        var r = state.runs[run], d = "";
        for (var k = 0; k <= 160; k++) {
          var x = lo + (hi - lo) * k / 160;
          d += (k ? "L" : "M") + dataX(x).toFixed(1) + " " + dataY(sigmoid(r.w * x + r.b)).toFixed(1);
        }
        dataParts.curves[run].setAttribute("d", d);
      });
      var next = state.mode === "sgd" ? state.steps % state.data.x.length : -1;
      if (next !== dataParts.next) {
        [dataParts.next, next].forEach(function (i) {
          var dot = dataParts.dots[i];
          if (!dot) { return; }
          dot.setAttribute("r", i === next ? 5.5 : 4);
          dot.classList.toggle("lb-ex-next-dot", i === next);
        });
        dataParts.next = next;
      }
      var cx = dataX(state.cursor.x);
      dataParts.cursor.setAttribute("d", "M" + cx.toFixed(1) + " " + CY1 + "V" + CY0 + "M" + (cx - 6).toFixed(1) + " " + dataY(state.cursor.y) + "h12");
      dataPlot.setAttribute("aria-label", t.data + fmt(state.cursor.x, 2) + ", " + t.label + " " + state.cursor.y + ".");
    }
    function nearest(x, y) {
      var best = -1, dist = Infinity, d = state.data;
      for (var i = 0; i < d.x.length; i++) {
        var dx = (d.x[i] - x) / (state.xRange[1] - state.xRange[0]), dy = y === null ? 0 : (d.y[i] - y) * 0.25, e = dx * dx + dy * dy;
        if (e < dist) { dist = e; best = i; }
      }
      return best;
    }
    function edit(tool, x, y) {
      var d = state.data;
      if (tool === "add") {
        if (d.x.length >= MAX_POINTS) { return; }
        d.x.push(Math.round(x * 100) / 100); d.y.push(y);
      } else {
        var i = nearest(x, tool === "flip" ? null : y);
        if (i < 0) { return; }
        if (tool === "flip") { d.y[i] = 1 - d.y[i]; } else if (d.x.length > 1) { d.x.splice(i, 1); d.y.splice(i, 1); }
      }
      root.setAttribute("data-points", String(d.x.length));
      dataCaption.textContent = t.dataSet + all.datasets[all.presets[state.preset].dataset].label[lang] + t.edited.replace("{n}", String(d.x.length));
      dataChanged();
    }
    function svgPoint(box, event) {
      var r = box.getBoundingClientRect(), vb = box.viewBox.baseVal;
      return [(event.clientX - r.left) * vb.width / r.width, (event.clientY - r.top) * vb.height / r.height];
    }
    dataPlot.addEventListener("click", function (event) {
      var p = svgPoint(dataPlot, event), lo = state.xRange[0], hi = state.xRange[1];
      var x = Math.max(lo, Math.min(hi, lo + (hi - lo) * (p[0] - CX0) / (CX1 - CX0)));
      var label = p[1] < dataY(0.5) ? 1 : 0;
      state.cursor = { x: x, y: label };
      edit(toolSelect.value, x, label);
    });
    dataPlot.addEventListener("keydown", function (event) {
      var lo = state.xRange[0], hi = state.xRange[1], dx = (hi - lo) / (event.shiftKey ? 10 : 50), c = state.cursor;
      var key = event.key;
      if (key === "ArrowLeft" || key === "ArrowRight") { c.x = Math.max(lo, Math.min(hi, c.x + (key === "ArrowLeft" ? -dx : dx))); drawData(); }
      else if (key === "ArrowUp" || key === "ArrowDown") { c.y = key === "ArrowUp" ? 1 : 0; drawData(); }
      else if (key === "Enter" || key === " ") { edit(toolSelect.value, c.x, c.y); }
      else if (key === "0" || key === "1") { c.y = +key; edit("add", c.x, c.y); }
      else if (key === "Delete" || key === "Backspace") { edit("remove", c.x, null); }
      else if (key === "f" || key === "F") { edit("flip", c.x, null); }
      else { return; }
      // Handled here: not also a page shortcut (Material's search opens on F, S and /).
      event.preventDefault(); event.stopPropagation();
    });

    // --- the landscapes as inputs: click or arrows set the start ---
    LOSSES.forEach(function (loss) {
      var box = scapes[loss].svg;
      box.addEventListener("click", function (event) {
        var p = svgPoint(box, event), W = state.window.w, B = state.window.b;
        if (p[0] < X0 || p[0] > X0 + S || p[1] < Y0 || p[1] > Y0 + S) { return; }
        setStart(Math.round((W[0] + (W[1] - W[0]) * (p[0] - X0) / S) * 100) / 100, Math.round((B[0] + (B[1] - B[0]) * (Y0 + S - p[1]) / S) * 100) / 100);
      });
      box.addEventListener("keydown", function (event) {
        var W = state.window.w, B = state.window.b, f = event.shiftKey ? 8 : 40, w = state.w0, b = state.b0;
        if (event.key === "ArrowLeft") { w -= (W[1] - W[0]) / f; } else if (event.key === "ArrowRight") { w += (W[1] - W[0]) / f; }
        else if (event.key === "ArrowUp") { b += (B[1] - B[0]) / f; } else if (event.key === "ArrowDown") { b -= (B[1] - B[0]) / f; }
        else { return; }
        event.preventDefault(); event.stopPropagation();
        setStart(Math.round(Math.max(W[0], Math.min(W[1], w)) * 1e6) / 1e6, Math.round(Math.max(B[0], Math.min(B[1], b)) * 1e6) / 1e6);
      });
    });

    // --- the loss plot ---
    // The y range snaps to 1-2-5 steps of the log scale, so that the axes (nodes) are
    // rebuilt only when a run leaves them; the two lines are moved in place.
    function snap(v, up) {
      var e = Math.floor(Math.log10(v)), best = null;
      [0.5, 1, 2, 5, 10].forEach(function (f) {
        var c = f * Math.pow(10, e);
        if (up ? (c >= v * (1 - 1e-12) && best === null) : c <= v * (1 + 1e-12)) { best = c; }
      });
      return best;
    }
    var lossAxesKey = "", lossLines = {};
    function drawLossPlot() {
      var L = 44, R = 388, T = 8, Bot = 136, n = Math.max(state.steps, 10), lo = Infinity, hi = -Infinity;
      LOSSES.forEach(function (run) { state.runs[run].curve.forEach(function (v) { if (v > 0 && isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }); });
      if (!(hi > 0)) { lo = 0.1; hi = 1; }
      var vlo = snap(lo, false), vhi = snap(hi, true);
      if (vhi <= vlo) { vhi = snap(vlo * 1.01, true); }
      var llo = Math.log10(vlo), lhi = Math.log10(vhi);
      function px(k) { return L + (R - L) * k / n; }
      function py(v) { return Bot - (Bot - T) * (Math.log10(Math.max(v, 1e-300)) - llo) / (lhi - llo); }
      var key = n + "|" + vlo + "|" + vhi;
      if (key !== lossAxesKey) {
        lossAxesKey = key;
        lossPlot.textContent = "";
        var axes = svg("g", { class: "lb-ex-ticks" });
        axes.appendChild(svg("rect", { x: L, y: T, width: R - L, height: Bot - T, class: "lb-ex-frame" }));
        niceTicks(0, n, 5).forEach(function (k) {
          axes.appendChild(svg("line", { x1: px(k), y1: Bot, x2: px(k), y2: Bot + 4 }));
          axes.appendChild(svg("text", { x: px(k), y: Bot + 14, "text-anchor": "middle" }, fmt(k, 0)));
        });
        var ticks = [];
        for (var e = Math.floor(llo) - 1; e <= Math.ceil(lhi); e++) {
          [1, 2, 5].forEach(function (f) { var v = f * Math.pow(10, e), l = Math.log10(v); if (l >= llo - 1e-9 && l <= lhi + 1e-9) { ticks.push(v); } });
        }
        if (ticks.length > 6) { ticks = ticks.filter(function (v) { return Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9; }); }
        ticks.forEach(function (v) {
          axes.appendChild(svg("line", { x1: L - 4, y1: py(v), x2: L, y2: py(v) }));
          axes.appendChild(svg("text", { x: L - 6, y: py(v) + 3.5, "text-anchor": "end" }, String(+v.toPrecision(1)).replace("-", "−")));
        });
        axes.appendChild(svg("text", { x: (L + R) / 2, y: Bot + 28, "text-anchor": "middle", class: "lb-ex-axis-title" }, t.stepAxis));
        lossPlot.appendChild(axes);
        LOSSES.forEach(function (run) { lossLines[run] = lossPlot.appendChild(svg("path", { class: "lb-ex-lossline lb-ex-path-" + run })); });
      }
      LOSSES.forEach(function (run) {
        var c = state.runs[run].curve, d = "";
        thin(c.length).forEach(function (i, k) { d += (k ? "L" : "M") + px(i).toFixed(1) + " " + py(c[i]).toFixed(1); });
        lossLines[run].setAttribute("d", d);
      });
    }

    // --- the per-sample table: rows built when the data change, values updated in place ---
    var rowCells = [];
    function buildTable() {
      table.textContent = "";
      table.appendChild(el("caption", { text: t.perSample }));
      var groups = el("tr", {}, [el("td", { colspan: "3" }), el("th", { scope: "colgroup", colspan: "2", text: t.runMse }), el("th", { scope: "colgroup", colspan: "2", text: t.runBce })]);
      var head = el("tr", {}, ["i", "x", "y", "ŷ", "(ŷ − y)²", "ŷ", "BCE"].map(function (h) { return el("th", { scope: "col", text: h }); }));
      // Fixed column widths: the table is laid out from them, not from its 100 rows of
      // numbers, at every step (most of a slider move's layout time otherwise).
      table.appendChild(el("colgroup", {}, [9, 10, 6, 17, 20, 17, 21].map(function (w) { return el("col", { style: "width:" + w + "%" }); })));
      table.appendChild(el("thead", {}, [groups, head]));
      var body = el("tbody");
      rowCells = state.data.x.map(function (x, i) {
        // A loss cell is its number over a bar (a background: redrawn, not laid out again).
        var c = { p: [el("td"), el("td")], mse: el("td", { class: "lb-ex-loss lb-ex-loss-mse" }), bce: el("td", { class: "lb-ex-loss lb-ex-loss-bce" }), tr: null };
        c.tr = body.appendChild(el("tr", { "data-sample": String(i) }, [
          el("td", { text: String(i + 1) }), el("td", { text: String(x) }), el("td", { text: String(state.data.y[i]) }),
          c.p[0], c.mse, c.p[1], c.bce]));
        return c;
      });
      table.appendChild(body);
    }
    // Only the rows in view (and a few around) are written; the others when scrolled to.
    var tableVersion = 0, tableRows = null;
    function drawTable(rowsMse, rowsBce) {
      var top = 0;
      rowsMse.forEach(function (r) { top = Math.max(top, r.mse); });
      rowsBce.forEach(function (r) { top = Math.max(top, r.bce); });
      tableVersion += 1;
      tableRows = { mse: rowsMse, bce: rowsBce, top: top || 1, next: state.mode === "sgd" ? state.steps % rowCells.length : -1 };
      writeRows();
    }
    function writeRows() {
      if (!tableRows || !rowCells.length) { return; }
      var first = rowCells[0].tr, h = first.offsetHeight || 20, y0 = first.offsetTop;
      var lo = Math.max(0, Math.floor((tableWrap.scrollTop - y0) / h) - 5);
      var hi = Math.min(rowCells.length, Math.ceil((tableWrap.scrollTop + tableWrap.clientHeight - y0) / h) + 5);
      var rowsMse = tableRows.mse, rowsBce = tableRows.bce, top = tableRows.top, next = tableRows.next;
      for (var i = lo; i < hi; i++) {
        var c = rowCells[i];
        if (c.version === tableVersion) { continue; }
        c.version = tableVersion;
        setText(c.p[0], fmt(rowsMse[i].p)); setText(c.p[1], fmt(rowsBce[i].p));
        setText(c.mse, fmt(rowsMse[i].mse)); setText(c.bce, fmt(rowsBce[i].bce));
        c.mse.style.setProperty("--bar", Math.min(100, 100 * rowsMse[i].mse / top).toFixed(1) + "%");
        c.bce.style.setProperty("--bar", Math.min(100, 100 * rowsBce[i].bce / top).toFixed(1) + "%");
        var was = c.tr.className === "lb-ex-next";
        if (was !== (i === next)) {
          c.tr.className = i === next ? "lb-ex-next" : "";
          if (i === next) { c.tr.title = t.next; } else { c.tr.removeAttribute("title"); }
        }
      }
    }

    // --- everything that follows the runs ---
    function drawRuns() {
      LOSSES.forEach(function (loss) {
        var r = state.runs[loss], e = evaluate(state.data, r.w, r.b), g = loss === "mse" ? e.gradMse : e.gradBce, c = cells[loss];
        setText(c.steps, String(state.steps));
        setText(c.w, fmt(r.w)); setText(c.b, fmt(r.b));
        setText(c.mse, fmt(e.mse)); setText(c.bce, fmt(e.bce));
        setText(c.grad, "[" + fmt(g[0]) + ", " + fmt(g[1]) + "]");
      });
      scheduleTable();
    }
    // The per-sample table (up to hundreds of rows of text to lay out) is updated just
    // after the frame that shows the plots and the runs' values: a slider move shows
    // its curves at once, the table one frame later; many moves in one frame, one update.
    var tablePending = false;
    function scheduleTable() {
      if (tablePending) { return; }
      tablePending = true;
      requestAnimationFrame(function () {
        setTimeout(function () {
          tablePending = false;
          var rm = state.runs.mse, rb = state.runs.bce;
          drawTable(evaluate(state.data, rm.w, rm.b, []).rows, evaluate(state.data, rb.w, rb.b, []).rows);
          table.setAttribute("data-steps", String(state.steps));
        }, 0);
      });
    }
    function render(from) {
      if (from !== "range") { wCtl.range.value = state.w0; bCtl.range.value = state.b0; }
      if (from !== "number") { wCtl.num.value = plain(state.w0); bCtl.num.value = plain(state.b0); }
      drawRuns(); drawData(); drawPaths(); drawLossPlot();
    }
    function announce() {
      function run(loss) { var c = cells[loss]; return { w: c.w.textContent, b: c.b.textContent, loss: c[loss].textContent }; }
      live.textContent = t.summary({ steps: state.steps, mode: state.mode === "sgd" ? t.sgd : t.batch, lr: short(state.lr), mse: run("mse"), bce: run("bce") });
    }

    // --- running: N steps at once, or Play (one frame per animation frame, or once a
    // second in big jumps when the reader prefers reduced motion) ---
    var frame = null, lastTime = 0, owed = 0;
    function stop() {
      if (!state.playing) { return; }
      state.playing = false;
      if (frame !== null) { (reduceMotion && reduceMotion.matches ? clearTimeout : cancelAnimationFrame)(frame); frame = null; }
      playButton.textContent = t.play; playButton.setAttribute("aria-pressed", "false");
      announce();
    }
    function tick(now) {
      var reduced = reduceMotion && reduceMotion.matches;
      now = reduced ? performance.now() : now;
      owed += state.speed * Math.min(1, (now - lastTime) / 1000);
      lastTime = now;
      var n = Math.floor(owed);
      owed -= n;
      if (n > 0) { advance(n); render(); }
      frame = reduced ? setTimeout(tick, 1000) : requestAnimationFrame(tick);
    }
    function play() {
      if (state.playing) { stop(); return; }
      state.playing = true;
      playButton.textContent = t.pause; playButton.setAttribute("aria-pressed", "true");
      lastTime = performance.now(); owed = 0;
      frame = reduceMotion && reduceMotion.matches ? setTimeout(tick, 1000) : requestAnimationFrame(tick);
    }

    [wCtl, bCtl].forEach(function (c, k) {
      c.range.addEventListener("input", function () {
        var v = parseNumber(c.range.value);
        if (v !== null) { setStart(k === 0 ? v : state.w0, k === 0 ? state.b0 : v, "range"); }
      });
      c.num.addEventListener("change", function () {
        var v = parseNumber(c.num.value);
        if (v === null) { render(); return; }  // not a number: show the current value again
        setStart(k === 0 ? v : state.w0, k === 0 ? state.b0 : v, "number");
      });
    });
    lrNum.addEventListener("change", function () {
      var v = parseNumber(lrNum.value);
      if (v !== null && v > 0) { state.lr = v; } else { lrNum.value = String(state.lr); }
    });
    modeSelect.addEventListener("change", function () { state.mode = modeSelect.value; render(); });
    speedSelect.addEventListener("change", function () { state.speed = +speedSelect.value; });
    presetSelect.addEventListener("change", function () { loadPreset(presetSelect.value); });
    stepButtons.forEach(function (b, k) {
      b.addEventListener("click", function () { stop(); advance([1, 10, 100][k]); render(); announce(); });
    });
    playButton.addEventListener("click", play);
    resetButton.addEventListener("click", function () { stop(); resetRuns(); render(); announce(); });

    loadPreset(state.preset);
    // For the browser tests and the benchmark: the state and the math, read-only by intent.
    root.lossbookExplorer = {
      state: state, landscape: landscape, evaluate: evaluate,
      grid: function (loss) { return { w: state.grids.w, b: state.grids.b, values: state.grids[loss].map(function (r) { return Array.prototype.slice.call(r); }) }; },
    };
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
  window.lossbookExplorer = { sigmoid: sigmoid, bceWithLogits: bceWithLogits, evaluate: evaluate, landscape: landscape, step: step };
})();
