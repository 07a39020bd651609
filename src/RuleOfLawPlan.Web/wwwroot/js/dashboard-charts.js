// 驾驶舱 charts: each [data-chart] container draws the table named by data-chart-source, so the chart shows exactly
// what the table (the screen readers' and the printout's version) says. A series is a header cell th[data-series]; a
// category is a row tr[data-category]; a value is the row's td[data-series][data-value].
(function () {
  "use strict";

  // The SVG renderer writes a text's font and its root's position as a style attribute, which the site's CSP refuses
  // (style-src 'self', no 'unsafe-inline'); the same declarations set through the CSSOM are allowed. No other SVG on
  // the site sets a style attribute (the CSP would refuse it), so this changes nothing else.
  const setAttribute = Element.prototype.setAttribute;
  SVGElement.prototype.setAttribute = function (name, value) {
    if (name === "style") {
      this.style.cssText = value;
    } else {
      setAttribute.call(this, name, value);
    }
  };

  // The lights' colours (site.css .light-*), so a series reads as the badge it counts.
  const colours = { Red: "#d92d20", Yellow: "#f0b400", Blue: "#2f80ed", Green: "#2e9e4f", Done: "#9aa0a6", Percent: "#0d6efd" };

  function read(table) {
    const series = [...table.querySelectorAll("thead th[data-series]")].map(th => ({ key: th.dataset.series, name: th.textContent.trim() }));
    const rows = [...table.querySelectorAll("tbody tr[data-category]")];
    return {
      categories: rows.map(tr => tr.dataset.category),
      series: series.map(s => ({
        ...s,
        values: rows.map(tr => Number(tr.querySelector(`td[data-series="${s.key}"]`)?.dataset.value ?? 0)),
      })),
    };
  }

  const percentAxis = { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } };
  const base = {
    animation: false,
    textStyle: { fontFamily: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif" },
    // Rich text: the HTML tooltip would carry style attributes, which the CSP refuses.
    tooltip: { trigger: "axis", renderMode: "richText", axisPointer: { type: "shadow" } },
  };

  const options = {
    bar: data => ({
      ...base,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: percentAxis,
      yAxis: { type: "category", data: data.categories, inverse: true },
      series: data.series.map(s => ({
        type: "bar", name: s.name, data: s.values, itemStyle: { color: colours[s.key] },
        label: { show: true, position: "right", formatter: "{c}%" },
      })),
    }),
    line: data => ({
      ...base,
      tooltip: { ...base.tooltip, axisPointer: { type: "line" } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.categories, boundaryGap: false },
      yAxis: percentAxis,
      series: data.series.map(s => ({
        type: "line", name: s.name, data: s.values, itemStyle: { color: colours[s.key] }, areaStyle: { opacity: 0.12 },
        label: { show: true, formatter: "{c}%" },
      })),
    }),
    "stacked-bar": data => ({
      ...base,
      legend: { top: 0, itemWidth: 12, itemHeight: 12 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: data.categories, inverse: true },
      series: data.series.map(s => ({
        type: "bar", stack: "lights", name: s.name, data: s.values, itemStyle: { color: colours[s.key] }, barMaxWidth: 22,
      })),
    }),
  };

  for (const container of document.querySelectorAll("[data-chart]")) {
    const table = document.getElementById(container.dataset.chartSource);
    const option = options[container.dataset.chart];
    if (!table || !option) continue;
    const chart = echarts.init(container, null, { renderer: "svg" });
    chart.setOption(option(read(table)));
    new ResizeObserver(() => chart.resize()).observe(container);
  }
})();
