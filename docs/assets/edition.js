// Copy a paragraph's link when its number is clicked. Without JavaScript the number is still a
// plain link to the paragraph (#p12), so the page works the same, minus the clipboard.
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
