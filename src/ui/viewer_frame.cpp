#include "ui/panels.h"
#include "ui/viewer.h"

namespace cmap::ui {

Layout drawViewerPanels(Viewer& v, float width, float height, double dt, bool offerRecovery) {
    LayoutOptions lo;
    lo.menuHeight = drawMenuBar(v);
    Layout layout = computeLayout(width, height, lo);
    v.canvas.rect = layout.map;
    drawLayersPanel(v, layout.layers);
    drawSlidesPanel(v, layout.slides);
    drawConsolePanel(v, layout.console);
    drawMentionsPanel(v, layout.mentions);
    drawArticlesPanel(v, layout.articles);
    drawTimelinePanel(v, layout.timeline);
    drawProjectionSwitcher(v);
    drawAnnotationsPanel(v, layout.tools);
    drawErrorPanel(v, layout.map);
    drawProgress(v, layout.map);
    drawCorrectionPopup(v);
    drawFurniturePanel(v);
    drawFileDialog(v);
    drawHelpWindows(v);
    if (offerRecovery) drawRecoveryPrompt(v);
    handleMapInput(v, dt);
    handleAnnotationKeys(v);
    drawAnnotationOverlay(v);
    drawMapTooltip(v);
    return layout;
}

}  // namespace cmap::ui
