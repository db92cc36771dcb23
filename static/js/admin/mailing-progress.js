// A mailing's report page while it sends: the counts and status follow the worker's progress
// (every 3 seconds), until the mailing is sent. The counts are in an aria-live region.
(function () {
  const report = document.querySelector(".mailing-report");
  if (!report) return;
  const url = new URL(report.dataset.progressUrl, window.location.href);
  async function refresh() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) return;
      const data = await response.json();
      report.querySelector("[data-status]").textContent = data.status;
      const counts = data.counts;
      const shown = { ...counts, queued: counts.queued + counts.sending };
      for (const element of report.querySelectorAll("[data-count]")) {
        element.textContent = shown[element.dataset.count];
      }
      if (data.status === "Sent") return;
    } catch (error) {
      // The network or the server is away for a moment: try again.
    }
    window.setTimeout(refresh, 3000);
  }
  window.setTimeout(refresh, 3000);
})();
