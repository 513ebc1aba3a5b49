// The usage page's bar chart: cost per group, from the data attributes the server wrote.
(function () {
  "use strict";
  function draw() {
    var el = document.getElementById("usage-chart");
    if (!el || typeof echarts === "undefined") {
      return;
    }
    var keys = el.dataset.keys ? el.dataset.keys.split("|") : [];
    var costs = el.dataset.costs ? el.dataset.costs.split("|").map(Number) : [];
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 60, right: 20, top: 20, bottom: 40 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: keys },
      yAxis: { type: "value", name: el.dataset.currency },
      series: [{ type: "bar", name: "cost", data: costs, itemStyle: { color: "#1d4ed8" } }]
    });
    el.dataset.drawn = String(keys.length);
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
