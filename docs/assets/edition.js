// Small enhancements; every page works without them.

// Copy a paragraph's link when its number is clicked (without JavaScript it is a plain link).
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.pnum");
  if (!link || !navigator.clipboard) return;
  event.preventDefault();
  const url = new URL(link.getAttribute("href"), window.location.href).href;
  navigator.clipboard.writeText(url).then(() => {
    history.replaceState(null, "", link.getAttribute("href"));
    link.classList.add("copied");
    setTimeout(() => link.classList.remove("copied"), 1500);
  });
});

// The edition toggle keeps the reader's place: the link gets the id of the paragraph (or
// heading) at the top of the window, and the choice is remembered for the next visit.
(() => {
  const links = document.querySelectorAll("a.edition-toggle__link");
  if (!links.length) return;
  const current = document.querySelector("a.edition-toggle__link[aria-current]");
  const place = () => {
    const marks = document.querySelectorAll("article [id]");
    let found = "";
    for (const element of marks) {
      if (element.getBoundingClientRect().top > 80) break;
      found = element.id;
    }
    return found || window.location.hash.slice(1);
  };
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a.edition-toggle__link");
    if (!link) return;
    try { localStorage.setItem("edition", link.dataset.edition); } catch (error) { /* private mode */ }
    const id = place();
    if (id) link.href = link.href.split("#")[0] + "#" + encodeURIComponent(id);
  });
  // A reader who chose an edition before and arrives from elsewhere is taken to it.
  let chosen = null;
  try { chosen = localStorage.getItem("edition"); } catch (error) { /* private mode */ }
  const fromHere = document.referrer && new URL(document.referrer).origin === window.location.origin;
  if (chosen && current && chosen !== current.dataset.edition && !fromHere) {
    const target = document.querySelector(`a.edition-toggle__link[data-edition="${chosen}"]`);
    if (target) window.location.replace(target.href + window.location.hash);
  }
})();
