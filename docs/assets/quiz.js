// Quizzes: progressive enhancement of the HTML made by hooks/page_numbers.py (render_quiz).
// Without this script a reader sees the question and a closed "answer" box; with it,
// choosing an option (mouse or keyboard) and pressing Check says right or wrong and
// shows the explanation of the chosen option in a live region. Material's instant loading is off, so
// running once on DOMContentLoaded is enough.
(function () {
  "use strict";
  function setup(quiz) {
    var button = quiz.querySelector(".lb-quiz-check");
    var feedback = quiz.querySelector(".lb-quiz-feedback");
    var answer = quiz.getAttribute("data-answer");
    if (!button || !feedback) return;
    button.hidden = false;
    function check() {
      var chosen = quiz.querySelector("input[type=radio]:checked");
      quiz.querySelectorAll(".lb-quiz-options li").forEach(function (li) {
        li.classList.remove("lb-right", "lb-wrong");
      });
      if (!chosen) {
        feedback.textContent = quiz.getAttribute("data-choose");
        feedback.className = "lb-quiz-feedback";
        return;
      }
      var li = chosen.closest("li");
      var right = chosen.value === answer;
      li.classList.add(right ? "lb-right" : "lb-wrong");
      // The verdict and the chosen option's explanation (math included) in the live region.
      var why = li.querySelector(".lb-quiz-why");
      var verdict = document.createElement("strong");
      verdict.textContent = quiz.getAttribute(right ? "data-right" : "data-wrong");
      feedback.textContent = "";
      feedback.appendChild(verdict);
      // An option without its own "why" (optional in quizzes.yml) gets the question's
      // explanation, so every answer is explained.
      var source = why && why.textContent.trim() ? why : quiz.querySelector(".lb-quiz-answer > p");
      if (source && source.textContent.trim()) {
        var explanation = document.createElement("span");
        explanation.innerHTML = " " + source.innerHTML;
        feedback.appendChild(explanation);
      }
      feedback.className = "lb-quiz-feedback " + (right ? "lb-right" : "lb-wrong");
    }
    button.addEventListener("click", check);
    quiz.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input[type=radio]")) {
        event.preventDefault();
        check();
      }
    });
  }
  // Wide tables scroll sideways inside Material's wrapper (added by Material's script):
  // a scrollable region must be reachable by keyboard.
  function focusableScrollRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      wrap.setAttribute("tabindex", "0");
    });
  }
  function init() {
    document.querySelectorAll(".lb-quiz").forEach(setup);
    focusableScrollRegions();
    window.addEventListener("load", focusableScrollRegions);
    new MutationObserver(focusableScrollRegions).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
