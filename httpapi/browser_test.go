package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromium is where Debian's chromium package puts the browser.
const chromium = "/usr/bin/chromium"

// TestExplorer_Browser drives the explorer in headless Chromium against the
// seed graph: search "DPRK", see its node and its edge to the UNSC
// resolutions, click the edge and read the sentence in the side panel,
// then run a Gizmo query and see its rows as a table and as a graph.
// Screenshots go to $KGRAPH_ARTIFACTS (default: the test's temporary
// directory); the test logs their paths.
func TestExplorer_Browser(t *testing.T) {
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("no %s (apt-get install -y chromium): the browser test does not run", chromium)
	}
	if testing.Short() {
		t.Skip("-short: the browser test does not run")
	}
	ts, _ := seedServer(t, "memstore", Config{})
	dir := os.Getenv("KGRAPH_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 880),
	)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(alloc)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	// Script errors fail the test.
	var mu sync.Mutex
	var jsErrors []string
	exceptions := chromedp.Events(ctx, runtime.ExceptionThrown)
	console := chromedp.Events(ctx, runtime.ConsoleAPICalled)
	go func() {
		for ev, err := range exceptions {
			if err != nil {
				return
			}
			mu.Lock()
			jsErrors = append(jsErrors, fmt.Sprintf("%s (line %d)", ev.ExceptionDetails.Text, ev.ExceptionDetails.LineNumber))
			if ev.ExceptionDetails.Exception != nil {
				jsErrors = append(jsErrors, ev.ExceptionDetails.Exception.Description)
			}
			mu.Unlock()
		}
	}()
	go func() {
		for ev, err := range console {
			if err != nil {
				return
			}
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				mu.Lock()
				for _, a := range ev.Args {
					jsErrors = append(jsErrors, "console.error: "+a.Description+string(a.Value))
				}
				mu.Unlock()
			}
		}
	}()

	shot := func(name string) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			png, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return chromedp.Void{}, err
			}
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, png, 0o644); err != nil {
				return chromedp.Void{}, err
			}
			t.Logf("screenshot %s", p)
			return chromedp.Void{}, nil
		}
	}
	// poll waits until a JavaScript expression is true.
	poll := func(expr string) chromedp.Action[chromedp.Void] {
		return chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(20*time.Second))
	}
	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			chromedp.Do(ctx, shot("failed.png"))
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string, v any) {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		if v != nil {
			if err := json.Unmarshal(raw, v); err != nil {
				t.Fatalf("%s: %v: %s", expr, err, raw)
			}
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	do("search DPRK",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#search")),
		poll(`document.querySelector("#info").textContent.includes("entities")`),
		chromedp.SendKeys(chromedp.CSS("#search"), "DPRK"),
		chromedp.WaitVisible(chromedp.CSS(`#suggestions li[data-id]`)),
		shot("1-suggestions.png"),
	)
	if first := text(`#suggestions li[data-id]`); !strings.Contains(first, "Democratic People's Republic of Korea") || !strings.Contains(first, "as DPRK") {
		t.Fatalf("first suggestion %q", first)
	}

	// The neighbourhood: the DPRK in the centre, an edge to the UNSC
	// resolutions.
	var edge struct {
		X, Y  float64
		Label string
		Nodes int
	}
	const findEdge = `(() => {
		const cy = window.kgraph.cy;
		const e = cy.edges().filter((e) => e.source().data("center") && e.target().data("label") === "UNSC resolutions")[0];
		if (!e) return null;
		const p = e.renderedMidpoint(), r = document.getElementById("cy").getBoundingClientRect();
		return {X: r.left + p.x, Y: r.top + p.y, Label: e.data("label"), Nodes: cy.nodes().length};
	})()`
	do("open the DPRK",
		chromedp.Click(chromedp.CSS(`#suggestions li[data-id]`)),
		poll(`window.kgraph.cy && window.kgraph.cy.nodes("[?center]").length === 1 &&
			window.kgraph.cy.nodes("[?center]").data("label") === "Democratic People's Republic of Korea"`),
		chromedp.Sleep(200*time.Millisecond), // let the first frame paint
	)
	eval(findEdge, &edge)
	do("screenshot", shot("2-neighbourhood.png"))
	if edge.Label != "violate" || edge.Nodes < 5 {
		t.Fatalf("edge to the UNSC resolutions: %+v", edge)
	}

	do("click the edge",
		chromedp.MouseClickXY(edge.X, edge.Y),
		poll(`document.querySelector("#panel").innerText.includes("violation of multiple UNSC resolutions")`),
		shot("3-edge-sentence.png"),
	)
	panel := text("#panel")
	for _, want := range []string{"UNSC resolutions", "sentence 32", "Joint Statement"} {
		if !strings.Contains(panel, want) {
			t.Errorf("panel lacks %q:\n%s", want, panel)
		}
	}

	// The predicate filter leaves only that predicate's edges.
	var visible []string
	do("filter by predicate", chromedp.SetValue(chromedp.CSS("#filter-predicate"), "violate"))
	eval(`document.querySelector("#filter-predicate").dispatchEvent(new Event("change"))`, nil)
	eval(`window.kgraph.cy.edges().not(".hidden").map((e) => e.data("predicate"))`, &visible)
	do("clear the filter", chromedp.SetValue(chromedp.CSS("#filter-predicate"), ""))
	eval(`document.querySelector("#filter-predicate").dispatchEvent(new Event("change"))`, nil)
	if len(visible) == 0 || strings.Trim(strings.Join(visible, ","), "violate,") != "" {
		t.Errorf("edges left by the filter: %v", visible)
	}

	// Gizmo: the editor, Run, rows in the table, then the answer as a graph.
	do("run Gizmo",
		chromedp.Click(chromedp.CSS("#tab-gizmo")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#gizmo").value = ""`),
		chromedp.SendKeys(chromedp.CSS("#gizmo"), `g.V().Has("<kg:alias>", "DPRK").In("<kg:p/call-on>").Tag("caller").Out("<kg:label>").All()`),
		chromedp.Click(chromedp.CSS("#run")),
		chromedp.WaitVisible(chromedp.CSS("#gizmo-table tbody tr")),
		shot("4-gizmo-table.png"),
	)
	var rows int
	eval(`document.querySelectorAll("#gizmo-table tbody tr").length`, &rows)
	table := text("#gizmo-table")
	if rows != 2 || !strings.Contains(table, "United States") || !strings.Contains(table, "Republic of Korea") || !strings.Contains(table, "caller") {
		t.Errorf("%d rows:\n%s", rows, table)
	}
	do("the answer as a graph",
		chromedp.Click(chromedp.CSS("#show-qgraph")),
		poll(`window.kgraph.qcy && window.kgraph.qcy.nodes().length > 0`),
		chromedp.Sleep(200*time.Millisecond),
		shot("5-gizmo-graph.png"),
	)
	var qnodes int
	eval(`window.kgraph.qcy.nodes().length`, &qnodes)
	if qnodes != 4 { // two callers, each with its label
		t.Errorf("%d nodes in the answer graph, want 4", qnodes)
	}

	// A negated fact is drawn dashed and red.
	do("a negated fact",
		chromedp.Click(chromedp.CSS("#tab-graph")),
		chromedp.Evaluate[chromedp.Void](`window.kgraph.openEntity({label: "nuclear weapons"})`),
		poll(`window.kgraph.cy.nodes("[?center]").data("label") === "nuclear weapons"`),
		chromedp.Sleep(200*time.Millisecond),
		shot("6-negated.png"),
	)
	var neg struct{ Label, Style, Color string }
	eval(`(() => { const e = window.kgraph.cy.edges("[?negated]")[0];
		return e ? {Label: e.data("label"), Style: e.style("line-style"), Color: e.style("line-color")} : {}; })()`, &neg)
	if neg.Label != "not develop" || neg.Style != "dashed" || neg.Color != "rgb(197,48,48)" {
		t.Errorf("negated edge %+v", neg)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, e := range jsErrors {
		t.Errorf("script error: %s", e)
	}
}
