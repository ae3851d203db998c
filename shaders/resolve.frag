#version 330 core
// Resolves a multisampled image pixel for pixel (the mean of its samples, as a resolving blit
// does), within rectangles: several boxes in one pass, where a blit takes one box at a time.
out vec4 fragColor;
uniform sampler2DMS uImage;
uniform int uSamples;

void main() {
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec4 sum = vec4(0.0);
    for (int i = 0; i < uSamples; ++i) sum += texelFetch(uImage, p, i);
    fragColor = sum / float(uSamples);
}
