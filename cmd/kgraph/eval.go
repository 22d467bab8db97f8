package main

import "github.com/spf13/cobra"

// NewCmdEval returns `kgraph eval`, the parent of the measuring commands.
func NewCmdEval(s Streams) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval <benchmark>",
		Short: "Measure extraction and parsing against gold data",
		Long: `Eval scores kgraph against gold annotations: open information extraction
with the CaRB scorer (eval carb) and the NLP core against a UD treebank
(eval parse).`,
		Example: `  kgraph extract --format carb --lines ../shared/bench/carb/dev-sentences.txt > dev.tabbed
  kgraph eval carb --gold ../shared/bench/carb/dev-gold.tsv --pred dev.tabbed`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(NewCmdEvalCarb(s), NewCmdEvalParse(s), NewCmdEvalFacts(s), NewCmdEvalJudge(s))
	return cmd
}
