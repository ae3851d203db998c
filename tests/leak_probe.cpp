// Loses one allocation on purpose: the leak_check_on test expects LeakSanitizer to report it.
#include <cstdio>

int main() {
    int* volatile lost = new int[16];
    lost[0] = 1;
    std::printf("allocated %d\n", lost[0]);
    lost = nullptr;
    return 0;
}
