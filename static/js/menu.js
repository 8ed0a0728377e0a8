// The main menu folds behind a button on narrow screens. Without this script the
// button stays hidden and the menu is always shown.
document.querySelectorAll("[data-menu-button]").forEach(function (button) {
  var menu = document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) return;
  button.hidden = false;
  button.setAttribute("aria-expanded", "false");
  menu.classList.add("site-nav--folding");
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", open ? "false" : "true");
  });
});
