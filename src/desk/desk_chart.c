/*
 * desk_chart.c - the dashboard's charts, drawn on the server as SVG: no script, no charting
 * library, nothing from a third party (R6). Each chart is an image with a <title> and a
 * <desc> that states its figures in words (role="img", aria-labelledby), and the page shows
 * the same figures as a table beside it. Colours have a contrast of at least 3:1 against
 * white and every series is also named in a legend.
 */
#include <stdio.h>
#include <time.h>

#include "desk/desk.h"

static const char *const colours[ENT_INTENT__COUNT] = {
	"#1d4ed8", "#047857", "#b45309", "#b91c1c", "#7c3aed", "#0f766e", "#4b5563", "#9d174d",
};

static const char *const type_fr[ENT_INTENT__COUNT] = {
	"Rendez-vous", "Documents", "Consultation (réorientée)", "Urgent",
	"Réclamation", "Remerciements", "Question pratique", "Autre",
};
static const char *const type_en[ENT_INTENT__COUNT] = {
	"Appointments", "Documents", "Consultation (redirected)", "Urgent",
	"Complaints", "Thanks", "Practical questions", "Other",
};

static void week_label(char out[16], int64_t t)
{
	struct tm tm;
	time_t tt = (time_t)t;
	gmtime_r(&tt, &tm);
	snprintf(out, 16, "%02d/%02d", tm.tm_mday, tm.tm_mon + 1);
}

enum ent_err desk_chart_weeks(struct buf *b, const struct desk_stats *s, bool en)
{
	const int W = 640, H = 300, left = 40, bottom = 40, top = 20, right = 170;
	int64_t max = 1, totals[DESK_WEEKS] = {0};
	for (int w = 0; w < DESK_WEEKS; w++) {
		for (int t = 0; t < ENT_INTENT__COUNT; t++)
			totals[w] += s->per_week[w][t];
		if (totals[w] > max)
			max = totals[w];
	}
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
		      "aria-labelledby=\"chart-weeks-title chart-weeks-desc\">", W, H);
	buf_printf(b, "<title id=\"chart-weeks-title\">%s</title><desc id=\"chart-weeks-desc\">",
		   en ? "Requests per type per week" : "Demandes par type et par semaine");
	for (int w = 0; w < DESK_WEEKS; w++) {
		char label[16];
		week_label(label, s->week0 + (int64_t)w * 604800);
		buf_printf(b, "%s %s : %lld. ", en ? "Week of" : "Semaine du", label,
			   (long long)totals[w]);
	}
	buf_puts(b, "</desc>");
	int plot_w = W - left - right, plot_h = H - top - bottom;
	int bar_w = plot_w / DESK_WEEKS - 8;
	buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left,
		   H - bottom, left + plot_w, H - bottom);
	buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%lld</text>",
		   left - 4, top + 4, (long long)max);
	buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">0</text>",
		   left - 4, H - bottom);
	for (int w = 0; w < DESK_WEEKS; w++) {
		int x = left + 4 + w * (plot_w / DESK_WEEKS);
		double y = H - bottom;
		for (int t = 0; t < ENT_INTENT__COUNT; t++) {
			if (!s->per_week[w][t])
				continue;
			double h = (double)s->per_week[w][t] * plot_h / (double)max;
			y -= h;
			buf_printf(b, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
				      "fill=\"%s\"/>", x, y, bar_w, h, colours[t]);
		}
		char label[16];
		week_label(label, s->week0 + (int64_t)w * 604800);
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
			   x + bar_w / 2, H - bottom + 16, label);
	}
	for (int t = 0; t < ENT_INTENT__COUNT; t++) {
		int y = top + t * 20;
		buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
			   W - right + 10, y, colours[t]);
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>", W - right + 28,
			   y + 11, en ? type_en[t] : type_fr[t]);
	}
	buf_puts(b, "</svg>");
	return buf_err(b);
}

static void minutes(char out[32], double seconds, bool en)
{
	if (seconds < 0)
		snprintf(out, 32, "%s", en ? "none yet" : "aucune");
	else if (seconds < 3600)
		snprintf(out, 32, "%.0f min", seconds / 60);
	else
		snprintf(out, 32, "%.1f h", seconds / 3600);
}

enum ent_err desk_chart_response(struct buf *b, const struct desk_stats *s, bool en)
{
	const int W = 640, H = 120, left = 170, right = 90;
	double med = s->median_first_response, p90 = s->p90_first_response;
	double max = p90 > 0 ? p90 : med > 0 ? med : 1;
	char m1[32], m2[32];
	minutes(m1, med, en);
	minutes(m2, p90, en);
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\" "
		      "aria-labelledby=\"chart-resp-title chart-resp-desc\">", W, H);
	buf_printf(b, "<title id=\"chart-resp-title\">%s</title>",
		   en ? "First response time" : "Délai de première réponse");
	buf_printf(b, "<desc id=\"chart-resp-desc\">%s %s, %s %s.</desc>",
		   en ? "Median:" : "Médiane :", m1, en ? "90th percentile:" : "90e centile :", m2);
	const struct {
		const char *fr, *en;
		double v;
		const char *txt;
	} bars[2] = {{"Médiane", "Median", med, m1}, {"90e centile", "90th percentile", p90, m2}};
	for (int i = 0; i < 2; i++) {
		int y = 20 + i * 45;
		double w = bars[i].v > 0 ? bars[i].v * (W - left - right) / max : 0;
		buf_printf(b, "<text x=\"%d\" y=\"%d\" font-size=\"13\" text-anchor=\"end\">%s</text>",
			   left - 8, y + 18, en ? bars[i].en : bars[i].fr);
		buf_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"26\" fill=\"%s\"/>",
			   left, y, w, i ? "#b45309" : "#1d4ed8");
		buf_printf(b, "<text x=\"%.1f\" y=\"%d\" font-size=\"13\">%s</text>", left + w + 6,
			   y + 18, bars[i].txt);
	}
	buf_puts(b, "</svg>");
	return buf_err(b);
}
