// Loaded only through a dynamic import from EChartClient, so ECharts reaches the browser in its own
// chunk and only on pages that draw a chart. Static named imports let the bundler keep just these
// modules of the library.
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import { init, use as registerModules, type EChartsType } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

registerModules([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DatasetComponent, AriaComponent, SVGRenderer]);

/** SVG prints sharply and scales with the page; ZH and EN are ECharts' built-in locales. */
export function initChart(element: HTMLElement, locale: "zh" | "en"): EChartsType {
  return init(element, null, { renderer: "svg", locale: locale === "zh" ? "ZH" : "EN" });
}
